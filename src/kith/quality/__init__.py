"""Quality of practice: management oversight recorded as decisions on the child's record.

Decisions a manager makes (case direction, oversight, sign-off) are data with a
rationale and a decision-maker, shown on the child's case summary and in the
chronology (R-076, R-077). Case audits and improvement plans join them later.
"""
