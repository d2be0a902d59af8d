"""Child in need's fact for the child banner: the open plan (see kith.people.status)."""

from django.db.models import OuterRef, Subquery

from kith.child_in_need.models import ChildInNeedPlan
from kith.people.status import register_fact


def register() -> None:
    register_fact(
        "cin_plan_since",
        lambda: Subquery(
            ChildInNeedPlan.objects.filter(child=OuterRef("pk"), ended_on__isnull=True).values("started_on")[:1]
        ),
    )
