"""``kith demo`` generates the demo authority the first time, reuses it after, and opens one sign-in
per role on members of its staff with real work."""

from __future__ import annotations

from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import Count, Q
from django.test import override_settings

from kith.platform.access.roles import Role
from kith.synthetic.demo import DEMO_PASSWORD, GENERATED_SIGN_INS
from kith.synthetic.generator.run import generate
from kith.synthetic.generator.world import World
from kith.synthetic.models import GenerationRun
from kith.workforce.models import StaffMember, Team, TeamKind

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture(autouse=True)
def _today_is_1_april_2026(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(datetime(2026, 4, 1, 9, 0, tzinfo=ZoneInfo("Europe/London")), tick=False)


def _demo() -> str:
    out = StringIO()
    with override_settings(KITH_DEMO_SIZE="tiny"):
        call_command("demo", "--no-serve", stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_demo_generates_its_authority_once_and_signs_in_as_staff_with_real_work() -> None:
    # when the demo is started twice
    first = _demo()
    teams_after_first = Team.objects.count()
    second = _demo()

    # then the first run generated the authority and the second reused it
    assert "Generating the demo authority once: the tiny synthetic authority" in first
    assert "Generating" not in second
    assert Team.objects.count() == teams_after_first
    # and each sign-in is printed, in order, and signs in with the demo password
    printed = [line.split()[0] for line in second.splitlines() if line.startswith("  ")]
    assert printed == list(GENERATED_SIGN_INS)
    users = {member.user.username: member.user for member in StaffMember.objects.select_related("user")}
    assert all(users[name].check_password(DEMO_PASSWORD) for name in GENERATED_SIGN_INS)
    # and the social worker is the safeguarding worker with the largest caseload, in their manager's team
    caseloads = (
        StaffMember.objects.filter(role=Role.SOCIAL_WORKER, team__kind=TeamKind.SAFEGUARDING)
        .annotate(open=Count("allocations", filter=Q(allocations__ended_on__isnull=True)))
        .order_by("-open", "pk")
    )
    worker = StaffMember.objects.get(user__username="social.worker")
    manager = StaffMember.objects.get(user__username="team.manager")
    assert (worker.pk, worker.team_id, manager.role) == (caseloads[0].pk, manager.team_id, Role.TEAM_MANAGER)
    assert caseloads[0].open > 0
    # and the IRO sign-in holds children, and the personal adviser is the one with the most young people
    iro = StaffMember.objects.get(user__username="iro")
    assert iro.iro_allocations.filter(ended_on__isnull=True).exists()
    advisers = StaffMember.objects.filter(role=Role.PERSONAL_ADVISER).annotate(
        open=Count("allocations", filter=Q(allocations__ended_on__isnull=True))
    )
    adviser = advisers.get(user__username="personal.adviser")
    assert adviser.open == max(other.open for other in advisers)
    assert StaffMember.objects.get(user__username="admin").user.is_superuser


def test_a_demo_generation_that_stopped_part_way_is_carried_on(monkeypatch: pytest.MonkeyPatch) -> None:
    # given a resumable generation of the demo authority that stopped in its first autumn
    live = World.live

    def stops_on_1_october(world: World, day: date) -> int:
        if day == date(2025, 10, 1):
            raise KeyboardInterrupt
        return live(world, day)

    monkeypatch.setattr(World, "live", stops_on_1_october)
    with pytest.raises(KeyboardInterrupt):
        generate(size="tiny", seed=1, as_of=date(2026, 4, 1), years=1, resumable=True, checkpoint_every=0)
    monkeypatch.setattr(World, "live", live)

    # when the demo is started again
    out = _demo()

    # then it carries on from the checkpoint, finishes the authority and opens the sign-ins
    assert "Carrying on generating the demo authority from where it stopped." in out
    assert "Generating the demo authority once" not in out
    run = GenerationRun.objects.get()
    assert (run.lived_to, run.sittings, run.finished_at is not None) == (date(2026, 4, 1), 2, True)
    printed = [line.split()[0] for line in out.splitlines() if line.startswith("  ")]
    assert printed == list(GENERATED_SIGN_INS)
