"""The work-tray links for the PEP clocks: start the PEP, or open it to complete it."""

from __future__ import annotations

from django.urls import reverse

from kith.education.models import PersonalEducationPlan
from kith.education.queries import PEP_COMPLETED, PEP_STARTED
from kith.platform.timescales.models import Deadline
from kith.platform.timescales.work_links import register_link


def _start_pep(deadline: Deadline) -> str:
    # The PEP clocks run on the period of care.
    return reverse("education:start_pep", args=[int(deadline.subject_id)])


def _complete_pep(deadline: Deadline) -> str:
    plan = PersonalEducationPlan.objects.filter(period_id=int(deadline.subject_id)).first()
    if plan is None:
        return _start_pep(deadline)
    return reverse("education:new_pep_meeting", args=[plan.pk])


def register() -> None:
    register_link(PEP_STARTED, "Start the PEP", _start_pep)
    register_link(PEP_COMPLETED, "Complete the PEP", _complete_pep)
