"""Management decisions on a child's record."""

from __future__ import annotations

import pghistory
from django.db import models

from kith.platform.calendar.working_days import long_date


class DecisionKind(models.TextChoices):
    CASE_DIRECTION = "case_direction", "Case direction"
    OVERSIGHT = "oversight", "Management oversight"
    CASE_CLOSURE = "case_closure", "Agreement to close the case"
    ESCALATION = "escalation", "Escalation"
    CONSENT_DISPENSED = "consent_dispensed", "Agreement to proceed without parental consent"
    CONTACT_DECISION = "contact_decision", "Decision on a contact"
    REFERRAL_OUTCOME = "referral_outcome", "Referral outcome"
    ASSESSMENT_AUTHORISED = "assessment_authorised", "Assessment authorised"
    PLAN_ENDORSED = "plan_endorsed", "Plan endorsed"
    PRE_PROCEEDINGS = "pre_proceedings", "Legal planning decision"
    ENTRY_TO_CARE = "entry_to_care", "Decision that the child should be looked after"


@pghistory.track()
class ManagementDecision(models.Model):
    """A manager's decision about a child, with why, and what must happen next by when."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="management_decisions")
    kind = models.CharField(max_length=30, choices=DecisionKind.choices)
    decision = models.TextField()
    rationale = models.TextField()
    next_steps = models.TextField(blank=True)
    decided_on = models.DateField()
    decided_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="decisions")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_on", "-recorded_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {long_date(self.decided_on)}"
