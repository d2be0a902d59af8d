"""``kith timescales list`` and ``kith timescales docs``."""

from __future__ import annotations

import json
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from kith.platform import clock
from kith.platform.access.roles import Role
from kith.platform.timescales import registry
from kith.platform.timescales.models import LocalStandard
from tests.factories import given_staff

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("timescales", *args, stdout=out)
    return out.getvalue()


@time_machine.travel("2027-01-04 09:00 +00:00", tick=False)
def test_the_json_list_gives_each_timescale_with_any_local_standard() -> None:
    # given a council standard for the initial conference
    LocalStandard.objects.create(
        timescale_code="child_protection.initial_conference",
        limit_kind="working_days",
        limit_number=10,
        reason="Partnership agreement",
        set_by=given_staff(Role.SYSTEM_ADMINISTRATOR).user,
        set_at=clock.now(),
    )
    # when
    listed = json.loads(_run("list", "--json"))
    # then
    assert [row["code"] for row in listed] == registry.codes()
    by_code = {row["code"]: row for row in listed}
    assert by_code["child_protection.initial_conference"] == {
        "code": "child_protection.initial_conference",
        "title": "Initial child protection conference",
        "limit": "15 working days",
        "source": "Working Together to Safeguard Children 2023",
        "effective_from": "2023-12-15",
        "local_value": "10 working days",
        "is_local_standard": False,
    }
    assert by_code["child_protection.visit"] == {
        "code": "child_protection.visit",
        "title": "Child protection visit",
        "limit": "10 working days",
        "source": "Local procedures, visits to children on a CP plan: not set nationally",
        "effective_from": "2023-12-15",
        "local_value": None,
        "is_local_standard": True,
    }


def test_the_table_lines_up_its_columns() -> None:
    # given / when
    lines = _run("list", "--on", "2027-01-04").splitlines()
    # then
    offset = lines[0].index("Timescale")
    assert len(lines) == len(registry.codes()) + 1
    assert {line[offset - 2 : offset] for line in lines} == {"  "}
    assert [line[offset] for line in lines if line[offset] == " "] == []


def test_the_docs_check_passes_on_the_committed_page() -> None:
    # given / when
    out = _run("docs", "--check")
    # then
    assert out.endswith("timescales.md is up to date.\n")


def test_an_unknown_verb_is_refused() -> None:
    # given / when / then
    with pytest.raises(CommandError):
        _run("tidy")
