"""Assessments (child and family assessments, strategy discussions); its records arrive with later work."""
