"""Child protection's facts for the child banner: the open plan and its category (see kith.people.status).

Whether a child is on a plan must be plain on every page (HT10 ¶12, RC12 ¶50).
"""

from django.db.models import OuterRef, QuerySet, Subquery

from kith.child_protection.models import ChildProtectionPlan
from kith.people.status import register_fact
from kith.platform.reference.cin_census import CategoryOfAbuse


def _open_plan() -> QuerySet[ChildProtectionPlan]:
    return ChildProtectionPlan.objects.filter(child=OuterRef("pk"), ended_on__isnull=True)


def register() -> None:
    register_fact("cp_plan_since", lambda: Subquery(_open_plan().values("started_on")[:1]))
    register_fact(
        "cp_plan_category",
        lambda: Subquery(_open_plan().values("latest_category")[:1]),
        display=lambda code: CategoryOfAbuse(code).label,
    )
