"""Local standards: a council may make a statutory limit stricter, never looser."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from kith.platform import clock
from kith.platform.access.models import User
from kith.platform.access.roles import Role
from kith.platform.timescales.engine import limit_for
from kith.platform.timescales.models import LocalStandard
from kith.platform.timescales.queries import local_limit
from kith.platform.timescales.types import Months, WorkingDays
from tests.factories import given_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator() -> User:
    return given_staff(Role.SYSTEM_ADMINISTRATOR).user


def _standard(code: str, kind: str, number: int, by: User, *, active: bool = True) -> LocalStandard:
    return LocalStandard(
        timescale_code=code,
        limit_kind=kind,
        limit_number=number,
        reason="Agreed by the safeguarding partnership",
        set_by=by,
        set_at=clock.now(),
        active=active,
    )


@pytest.mark.parametrize(
    ("code", "kind", "number", "message"),
    [
        (
            "child_protection.initial_conference",
            "working_days",
            16,
            "A local standard can only be stricter than the statutory 15 working days",
        ),
        (
            "child_protection.initial_conference",
            "weeks",
            4,
            "A local standard can only be stricter than the statutory 15 working days",
        ),
        (
            "children_in_care.first_review",
            "months",
            1,
            "A local standard can only be stricter than the statutory 20 working days",
        ),
        (
            "child_protection.review_conference",
            "months",
            7,
            "A local standard can only be stricter than the statutory 6 months",
        ),
    ],
)
def test_a_local_standard_looser_than_the_statutory_limit_is_refused(
    administrator: User, code: str, kind: str, number: int, message: str
) -> None:
    # given
    standard = _standard(code, kind, number, administrator)
    # when
    with pytest.raises(ValidationError) as refused:
        standard.full_clean()
    # then
    assert refused.value.messages == [message]
    assert LocalStandard.objects.count() == 0


@pytest.mark.parametrize(
    ("code", "kind", "number"),
    [
        ("child_protection.initial_conference", "working_days", 10),
        ("child_protection.initial_conference", "working_days", 15),
        ("child_protection.initial_conference", "weeks", 2),
        ("child_protection.review_conference", "months", 5),
        ("children_in_care.visit_long_term", "weeks", 6),
    ],
)
def test_a_local_standard_as_strict_or_stricter_is_accepted(
    administrator: User, code: str, kind: str, number: int
) -> None:
    # given
    standard = _standard(code, kind, number, administrator)
    # when
    standard.full_clean()
    standard.save()
    # then
    assert local_limit(code) == standard.limit


def test_a_timescale_that_is_itself_a_local_standard_may_be_set_to_any_value(administrator: User) -> None:
    # given Bolton's four-weekly visits to children on a plan, against Kith's default of 10 working days
    standard = _standard("child_protection.visit", "weeks", 4, administrator)
    # when
    standard.full_clean()
    standard.save()
    # then
    assert limit_for("child_protection.visit", date(2027, 1, 4)).in_words == "4 weeks"


def test_an_unknown_timescale_code_is_refused(administrator: User) -> None:
    # given
    standard = _standard("child_protection.tea_break", "working_days", 1, administrator)
    # when
    with pytest.raises(ValidationError) as refused:
        standard.full_clean()
    # then
    assert refused.value.message_dict == {"timescale_code": ["No timescale has the code 'child_protection.tea_break'."]}


def test_only_one_local_standard_per_timescale_is_active(administrator: User) -> None:
    # given
    first = _standard("child_protection.initial_conference", "working_days", 12, administrator)
    first.full_clean()
    first.save()
    second = _standard("child_protection.initial_conference", "working_days", 10, administrator)
    # when
    with pytest.raises(ValidationError) as refused:
        second.full_clean()
    # then
    assert refused.value.messages == [
        "This timescale already has an active local standard: make that one inactive first."
    ]
    assert local_limit("child_protection.initial_conference") == WorkingDays(12)


def test_an_inactive_local_standard_is_not_used(administrator: User) -> None:
    # given
    standard = _standard("children_in_care.later_review", "months", 4, administrator, active=False)
    standard.full_clean()
    standard.save()
    # when
    limit = limit_for("children_in_care.later_review", date(2027, 1, 4))
    # then
    assert limit == Months(6)


def test_without_a_local_standard_the_declared_limit_is_used() -> None:
    # given no local standards
    # when
    limit = limit_for("child_protection.initial_conference", date(2027, 1, 4))
    # then
    assert limit == WorkingDays(15)


def test_a_local_standard_saved_looser_despite_validation_is_ignored(administrator: User) -> None:
    # given a looser standard written without validation (by a script, say)
    _standard("child_protection.initial_conference", "working_days", 20, administrator).save()
    # when
    limit = limit_for("child_protection.initial_conference", date(2027, 1, 4))
    # then the statutory limit still applies
    assert limit == WorkingDays(15)


def test_a_change_to_a_local_standard_keeps_its_history(administrator: User) -> None:
    # given
    standard = _standard("child_protection.initial_conference", "working_days", 12, administrator)
    standard.save()
    # when
    standard.limit_number = 10
    standard.save()
    # then
    history = standard.pgh_event_model.objects.filter(pgh_obj=standard).order_by("pgh_id")  # type: ignore[attr-defined]
    assert list(history.values_list("pgh_label", "limit_number")) == [("insert", 12), ("update", 10)]
