"""The front door's facts for the child banner: the open referral (see kith.people.status)."""

from django.db.models import OuterRef, Subquery

from kith.front_door.models import Referral
from kith.people.status import register_fact


def register() -> None:
    register_fact(
        "referral_since",
        lambda: Subquery(
            Referral.objects.filter(child=OuterRef("pk"), closed_on__isnull=True).values("referral_date")[:1]
        ),
    )
