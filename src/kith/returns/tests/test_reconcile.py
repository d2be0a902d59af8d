"""Reconciliation: on a generated authority, Annex A as at 31 March agrees child by child with that
year's CIN census and SSDA903; a difference is shown with the children it concerns."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command

from kith.returns.annex_a.period import Inspection
from kith.returns.annex_a.workbook import build_annex_a
from kith.returns.cin_census import build_cin
from kith.returns.reconcile import compare, reconcile
from kith.returns.ssda903 import build_903
from kith.returns.years import collection_year
from kith.synthetic.generator.run import generate

pytestmark = pytest.mark.django_db

YEAR = collection_year(2026)


@pytest.fixture(autouse=True)
def _a_generated_authority(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(datetime(2026, 4, 1, 9, 0, tzinfo=ZoneInfo("Europe/London")), tick=False)
    generate(size="tiny", seed=7, as_of=date(2026, 3, 31), years=1)


def test_the_returns_of_a_generated_authority_agree_child_by_child() -> None:
    # when
    comparisons = reconcile(YEAR)
    # then each measure agrees, and none agrees only by counting nothing
    assert [(c.measure, c.agrees) for c in comparisons] == [
        ("Referrals received in the six months", True),
        ("Child protection plans running in the six months", True),
        ("Children looked after in the six months", True),
    ]
    assert all(c.annex_a for c in comparisons)


def test_a_difference_names_the_children_it_concerns() -> None:
    # given Annex A with its first referral left out
    inspection = Inspection(on=YEAR.end)
    annex = build_annex_a(YEAR.end)
    left_out = annex.lists["List 3"][0]
    lists = {**annex.lists, "List 3": annex.lists["List 3"][1:]}
    # when
    referrals = compare(
        inspection, annex=replace(annex, lists=lists), census=build_cin(YEAR), looked_after=build_903(YEAR)
    )[0]
    # then
    assert (referrals.agrees, referrals.only_in_annex_a) == (False, [])
    assert referrals.only_in_other == [(left_out[0], left_out[5].isoformat())]


def test_the_command_prints_each_measure_and_fails_only_on_a_difference() -> None:
    out = StringIO()
    call_command("returns", "reconcile", "--year", "2026", stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.rsplit(": ", 1)[1] for line in lines if not line.startswith("  ")] == ["agree", "agree", "agree"]
    assert lines[-1] == "  (Short breaks (V3, V4) are in the 903 but not in List 8)"
    with pytest.raises(CommandError, match="Kith has no collection year 2019"):
        call_command("returns", "reconcile", "--year", "2019", stdout=StringIO())
