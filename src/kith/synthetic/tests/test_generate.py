"""``kith generate``: the tiny authority, lived twice from the same seed, comes out the same, with records
in every area the generator covers and a calibration report computed from them; impossible
configurations are refused with a clear message."""

from __future__ import annotations

import heapq
from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Max, Min

from kith.education.queries import PEP_CLOCKS
from kith.people.models import Person
from kith.platform import clock
from kith.platform.calendar.working_days import add_working_days
from kith.platform.chronology.models import CaseEvent
from kith.platform.timescales.models import OPEN, Deadline
from kith.synthetic.generator.calibration import report
from kith.synthetic.generator.run import Summary, generate, summarise
from kith.synthetic.generator.sizes import PROFILES
from kith.synthetic.generator.world import World
from kith.synthetic.models import GenerationRun
from kith.workforce.administration import add_team

LONDON = ZoneInfo("Europe/London")
AS_OF = date(2026, 3, 31)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today_is_1_april_2026(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(datetime(2026, 4, 1, 9, 0, tzinfo=LONDON), tick=False)


def _generate_and_roll_back() -> tuple[Summary, str, list[str]]:
    """One run of the tiny authority; its summary, calibration report and PEP clocks left open past the
    generator's longest lag, then nothing kept."""
    with transaction.atomic():
        _, summary = generate(size="tiny", seed=7, as_of=AS_OF, years=1)
        calibration = report(PROFILES["tiny"], AS_OF)
        peps_left_open = _pep_clocks_open_after_32_working_days()
        transaction.set_rollback(True)
    return summary, calibration, peps_left_open


def _pep_clocks_open_after_32_working_days() -> list[str]:
    """The generator starts each PEP within 16 working days of entry to care and completes it within 32:
    a PEP clock still open more than 32 working days after it started was never lived."""
    return [
        f"{deadline.timescale_code} started {deadline.started_on}"
        for deadline in Deadline.objects.filter(OPEN, timescale_code__in=PEP_CLOCKS)
        if add_working_days(deadline.started_on, 32) < AS_OF
    ]


def test_the_same_seed_gives_the_same_authority_with_every_area_and_the_rates_reported() -> None:
    first, calibration, peps_left_open = _generate_and_roll_back()
    second, _, _ = _generate_and_roll_back()

    assert second == first
    for area in (
        "contacts",
        "referrals",
        "assessments",
        "section 47 enquiries",
        "conferences",
        "child protection plans",
        "child in need plans",
        "visits",
        "management decisions",
        "periods of care",
        "care proceedings",
        "placements",
        "care reviews",
        "personal education plans",
        "PEP meetings",
        "school places",
        "leaving care support",
        "birthday contacts",
        "deadlines",
        "chronology events",
    ):
        assert first.counts[area] > 0, area
    lines = calibration.splitlines()
    assert lines[0] == "Calibration for the year to 2026-03-31 (tiny: 500 children aged 0–17)"
    assert [line.split("  ")[0] for line in lines[1:]] == [
        "Referrals per 10,000 children",
        "Re-referrals within 12 months",
        "Assessments authorised within 45 working days",
        "Section 47 enquiries per 10,000",
        "Initial conferences per 10,000",
        "Initial conferences within 15 working days",
        "Child protection plans per 10,000 (as-of date)",
        "Plans started for neglect",
        "Looked-after children per 10,000 (as-of date)",
        "Looked-after children who are UASC (as-of date)",
        "Looked-after children with 3+ placements in the year",
        "Looked-after children in foster placements",
        "Care proceedings concluded within 26 weeks",
        "Children leaving care who were adopted",
        "School-age looked-after children with a PEP reviewed this term",
        "Care leavers in education, training or work",
        "Care leavers in suitable accommodation",
    ]
    assert "target 518 per 10k" in lines[1]
    assert "target 86 %" in lines[3]
    assert first.counts["PEP meetings"] > first.counts["personal education plans"]
    assert peps_left_open == []


def test_an_existing_authority_is_refused() -> None:
    add_team(name="Somewhere's Children's Services", kind="service")

    with pytest.raises(CommandError, match=r"already holds an authority \(1 teams, 0 people\)"):
        call_command("generate", "--size", "tiny", "--as-of", "2026-03-31", "--no-progress")


def test_a_run_reaching_back_before_the_timescales_is_refused() -> None:
    with pytest.raises(
        CommandError,
        match=r"^3 years before 2016-03-31, with the opening caseload's 1 year before that, reaches 2012-04-01: "
        r"Kith's timescales start in 2013-14, so the run must begin after 2014-01-01$",
    ):
        call_command("generate", "--size", "tiny", "--as-of", "2016-03-31", "--years", "3", "--no-progress")


def test_an_as_of_date_in_the_future_is_refused() -> None:
    with pytest.raises(CommandError, match="The as-of date 2026-04-02 is in the future"):
        call_command("generate", "--size", "tiny", "--as-of", "2026-04-02", "--no-progress")


def test_an_as_of_that_is_not_a_date_is_refused() -> None:
    with pytest.raises(CommandError, match="--as-of must be a date like 2026-03-31, not '31/03/2026'"):
        call_command("generate", "--size", "tiny", "--as-of", "31/03/2026", "--no-progress")


def test_a_resumable_run_cut_short_carries_on_from_its_checkpoint_to_the_same_authority(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The sitting is cut short half-way through a day in October 2025; the checkpoint at the end of
    September is where --resume carries on from, and the authority comes out as from one unbroken run."""
    uninterrupted, _, _ = _generate_and_roll_back()
    cut_short_on = date(2025, 10, 15)
    live = World.live

    def live_until_cut_short(world: World, day: date) -> int:
        if day == cut_short_on:
            entry = heapq.heappop(world.diary)
            with clock.recording_at(datetime.combine(entry.day, entry.at, tzinfo=LONDON)):
                entry.happening(world, *entry.args)
            raise KeyboardInterrupt
        return live(world, day)

    with transaction.atomic():
        monkeypatch.setattr(World, "live", live_until_cut_short)
        with pytest.raises(KeyboardInterrupt):
            generate(size="tiny", seed=7, as_of=AS_OF, years=1, resumable=True, checkpoint_every=0)
        monkeypatch.setattr(World, "live", live)
        run = GenerationRun.objects.get()
        assert (run.lived_to, run.sittings, run.finished_at) == (date(2025, 9, 30), 1, None)

        output = StringIO()
        call_command("generate", "--resume", "--no-progress", stdout=output)

        run.refresh_from_db()
        assert (run.lived_to, run.sittings, run.state) == (AS_OF, 2, b"")
        assert run.finished_at is not None
        assert (
            output.getvalue()
            .splitlines()[0]
            .startswith("Generated the tiny authority (500 children aged 0–17), seed 7, 1 year(s) to 2026-03-31, in ")
        )
        assert output.getvalue().splitlines()[0].endswith(" over 2 sittings in all):")
        resumed = summarise()
        # The ids the cut-short sitting drew for records its rollback threw away are drawn again.
        for model in (Person, CaseEvent, Deadline):
            ids = model.objects.aggregate(first=Min("pk"), last=Max("pk"), count=Count("pk"))
            assert ids["last"] - ids["first"] + 1 == ids["count"], model.__name__
        transaction.set_rollback(True)

    assert resumed == uninterrupted


def test_resume_without_an_unfinished_run_is_refused() -> None:
    with pytest.raises(CommandError, match=r"^This database holds no unfinished resumable run to carry on: start one"):
        call_command("generate", "--resume", "--no-progress")


def test_resume_takes_the_runs_own_size_and_dates() -> None:
    with pytest.raises(
        CommandError, match=r"^--resume carries on the run as it was started: leave out --size, --as-of$"
    ):
        call_command("generate", "--resume", "--size", "tiny", "--as-of", "2026-03-31", "--no-progress")


def test_a_new_run_over_an_unfinished_one_points_to_resume(monkeypatch: pytest.MonkeyPatch) -> None:
    def cut_short(world: World, day: date) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(World, "live", cut_short)
    with pytest.raises(KeyboardInterrupt):
        generate(size="tiny", seed=7, as_of=AS_OF, years=1, resumable=True)

    with pytest.raises(CommandError, match=r"\(an unfinished resumable run carries on with --resume\)$"):
        call_command("generate", "--size", "tiny", "--as-of", "2026-03-31", "--no-progress")


def test_as_of_is_required_for_a_new_run() -> None:
    with pytest.raises(CommandError, match=r"^--as-of is required: the last day lived, e\.g\. --as-of 2026-03-31$"):
        call_command("generate", "--size", "tiny", "--no-progress")
