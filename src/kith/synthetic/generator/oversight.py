"""Management oversight: the team manager's recorded oversight of each open case in supervision.

From the day a worker is named until the referral closes, the manager of the team holding the child
records oversight about every month or so: what the manager saw, the direction given and what must
happen next. Kith's local standard asks for it at least every two months (``quality.supervision``);
most cases meet it, about one in seven gaps is longer, as inspectors find in practice.
"""

from __future__ import annotations

from datetime import timedelta

from kith.platform import clock
from kith.quality.actions import record_management_decision
from kith.synthetic.generator.case import Case
from kith.synthetic.generator.world import World, at
from kith.workforce.models import Allocation

DIRECTIONS = (
    "Visits are happening as planned; the child has been seen alone. Keep the plan's actions to their dates",
    "The chronology shows drift since the last review: bring the review forward and chase the school's report",
    "The child's views are clear in the recording; make sure the plan says how they will be acted on",
    "Risks are reducing; keep the same visiting pattern and seek the parents' views before the next review",
)


def begin(world: World, case: Case) -> None:
    """Oversight in supervision once the case is allocated to a worker, a few weeks on."""
    referral = case.referral
    if case.notes.get("oversight") == referral.pk:
        return  # already overseen
    case.notes["oversight"] = referral.pk
    world.on(clock.today() + timedelta(days=world.between(14, 35)), at(15, 0), _supervise, case, referral.pk)


def _supervise(world: World, case: Case, referral_pk: int) -> None:
    referral = case.referral
    if referral is None or referral.pk != referral_pk or referral.closed_on is not None:
        return
    holding = Allocation.objects.filter(child=case.child, ended_on__isnull=True).select_related("team").first()
    if holding is None:
        return
    manager = world.staff.manager(holding.team)
    today = clock.today()
    record_management_decision(
        case.child,
        kind="oversight",
        decision=world.pick(DIRECTIONS),
        rationale="Discussed in supervision with the allocated worker; the case file was read beforehand",
        next_steps="Review at the next supervision",
        decided_on=today,
        by=manager.user,
    )
    gap = world.between(21, 50) if world.chance(0.86) else world.between(62, 90)
    world.on(today + timedelta(days=gap), at(15, 0), _supervise, case, referral_pk)
