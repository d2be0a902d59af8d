"""Inspection readiness: Ofsted's frameworks as data, imported reports, improvement plans, self-evaluation."""
