"""UASC: recorded once for a child under 18, the claim's steps in order, and UASC status ending by the 18th
birthday at the latest (903 rule 304). Refusals name the dates and save nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from kith.people.models import Person
from kith.platform.chronology.models import CaseEvent
from kith.platform.rules import RuleBroken
from kith.uasc.actions import record_age_assessment, record_immigration_status, record_uasc, record_uasc_ceased
from kith.uasc.models import UascRecord
from kith.uasc.queries import date_uasc_ceased, is_uasc_on
from kith.uasc.tests.conftest import ARRIVED, priyas_child
from kith.workforce.tests.fixtures import Authority

pytestmark = pytest.mark.django_db


def _uasc(child: Person, authority: Authority, **changes: Any) -> UascRecord:
    values: dict[str, Any] = {"became_uasc_on": ARRIVED, "home_office_reference": "HO-T1234567"}
    return record_uasc(child, **(values | changes), by=authority.social_worker.user)


def _summaries(child: Person) -> list[str]:
    events = CaseEvent.objects.filter(children=child, event_type__startswith="uasc.").order_by("pk")
    return list(events.values_list("summary", flat=True))


def test_a_child_transferred_under_the_national_transfer_scheme_is_recorded_with_the_authority(
    authority: Authority, yonas: Person
) -> None:
    record = _uasc(
        yonas, authority, age_disputed=True, transferred_from="Kent County Council", transferred_on=date(2027, 6, 20)
    )
    assert (record.transferred_from, record.age_disputed, is_uasc_on(record, date(2027, 11, 1))) == (
        "Kent County Council",
        True,
        True,
    )
    assert _summaries(yonas) == [
        "Unaccompanied asylum-seeking child from 14 June 2027: Home Office reference HO-T1234567; age disputed; "
        "transferred from Kent County Council on 20 June 2027"
    ]


def test_a_child_is_recorded_once_and_a_transfer_gives_both_authority_and_date(
    authority: Authority, yonas: Person
) -> None:
    with pytest.raises(RuleBroken) as no_date:
        _uasc(yonas, authority, transferred_from="Kent County Council")
    with pytest.raises(RuleBroken) as before:
        _uasc(yonas, authority, transferred_from="Kent County Council", transferred_on=date(2027, 6, 1))
    _uasc(yonas, authority)
    with pytest.raises(RuleBroken) as twice:
        _uasc(yonas, authority)
    assert no_date.value.problems == {
        "transferred_from": ["Give both the authority that transferred the child and the date, or neither"]
    }
    assert before.value.problems == {
        "transferred_on": ["The transfer (1 June 2027) is before Yonas Tesfaye became UASC (14 June 2027)"]
    }
    assert twice.value.problems == {"became_uasc_on": ["Yonas Tesfaye is already recorded as UASC from 14 June 2027"]}
    assert UascRecord.objects.count() == 1


def test_someone_already_18_is_not_an_unaccompanied_asylum_seeking_child(authority: Authority) -> None:
    amir = priyas_child(authority, "Amir", "Karimi", aged=18)
    with pytest.raises(RuleBroken) as refused:
        _uasc(amir, authority)
    assert refused.value.problems == {
        "became_uasc_on": ["Amir Karimi was 18 on 1 January 2027: an unaccompanied asylum-seeking child is under 18"]
    }


@pytest.mark.requirement("R-041")
def test_the_age_assessment_is_recorded_with_who_did_it_and_marks_the_age_disputed(
    authority: Authority, yonas: Person
) -> None:
    record = _uasc(yonas, authority)
    with pytest.raises(RuleBroken) as refused:
        record_age_assessment(
            record, assessed_on=date(2027, 6, 1), outcome="as_claimed", notes=" ", by=authority.social_worker.user
        )
    record_age_assessment(
        record,
        assessed_on=date(2027, 8, 2),
        outcome="as_claimed",
        notes="Two qualified social workers, with an interpreter and an appropriate adult",
        by=authority.social_worker.user,
    )
    record.refresh_from_db()
    assert refused.value.problems == {
        "assessed_on": ["The assessment (1 June 2027) is before Yonas Tesfaye became UASC (14 June 2027)"],
        "notes": ["Say who assessed the child's age and how"],
    }
    assert (record.age_disputed, record.age_assessed_on, record.age_assessment_outcome) == (
        True,
        date(2027, 8, 2),
        "as_claimed",
    )
    assert _summaries(yonas)[-1] == "Age assessment: a child of the age they gave"


def test_the_claims_steps_come_in_order(authority: Authority, yonas: Person) -> None:
    record, by = _uasc(yonas, authority), authority.social_worker.user
    with pytest.raises(RuleBroken) as first:
        record_immigration_status(record, status="refused", changed_on=date(2027, 7, 1), by=by)
    record_immigration_status(record, status="claim_lodged", changed_on=date(2027, 7, 5), by=by)
    record_immigration_status(record, status="refused", changed_on=date(2027, 9, 1), by=by)
    with pytest.raises(RuleBroken) as out_of_order:
        record_immigration_status(record, status="claim_lodged", changed_on=date(2027, 8, 1), by=by)
    record_immigration_status(record, status="appeal_lodged", changed_on=date(2027, 9, 10), by=by)
    record_immigration_status(record, status="refugee", changed_on=date(2027, 10, 15), notes="On appeal", by=by)
    with pytest.raises(RuleBroken) as ended:
        record_immigration_status(record, status="appeal_lodged", changed_on=date(2027, 10, 20), by=by)
    assert first.value.problems == {"status": ["The first step to record is the asylum claim being lodged"]}
    assert out_of_order.value.problems == {
        "status": [
            "After 'Claim refused' comes one of: appeal lodged, appeal rights exhausted, "
            "granted other leave to remain (such as uasc leave)"
        ],
        "changed_on": ["The date (1 August 2027) is before the last step, 'Claim refused' on 1 September 2027"],
    }
    assert ended.value.problems == {"status": ["The claim ended with 'Granted refugee status': nothing follows it"]}
    assert list(record.status_changes.values_list("status", flat=True)) == [
        "claim_lodged",
        "refused",
        "appeal_lodged",
        "refugee",
    ]
    assert _summaries(yonas)[-1] == "Granted refugee status: On appeal"


def test_uasc_status_ceases_with_a_grant_of_leave_only_once_one_is_recorded(
    authority: Authority, yonas: Person
) -> None:
    record, by = _uasc(yonas, authority), authority.social_worker.user
    with pytest.raises(RuleBroken) as no_grant:
        record_uasc_ceased(record, ceased_on=date(2027, 10, 1), reason="leave_granted", by=by)
    with pytest.raises(RuleBroken) as not_assessed:
        record_uasc_ceased(record, ceased_on=date(2027, 10, 1), reason="assessed_adult", by=by)
    record_immigration_status(record, status="claim_lodged", changed_on=date(2027, 7, 5), by=by)
    record_immigration_status(record, status="humanitarian", changed_on=date(2027, 10, 1), by=by)
    record_uasc_ceased(record, ceased_on=date(2027, 10, 1), reason="leave_granted", by=by)
    assert no_grant.value.problems == {"reason": ["No grant of leave to remain is recorded for Yonas Tesfaye"]}
    assert not_assessed.value.problems == {
        "reason": ["Record the age assessment that found Yonas Tesfaye to be 18 or over first"]
    }
    assert (date_uasc_ceased(record, on=date(2027, 11, 1)), is_uasc_on(record, date(2027, 11, 1))) == (
        date(2027, 10, 1),
        False,
    )
    assert _summaries(yonas)[-1] == "No longer an unaccompanied asylum-seeking child: granted leave to remain"


def test_uasc_status_ends_on_the_18th_birthday_at_the_latest(authority: Authority) -> None:
    # given Sami, who arrived at 17 and turned 18 on 1 January 2027 with nothing recorded
    sami = priyas_child(authority, "Sami", "Haddad", aged=18)
    record = _uasc(sami, authority, became_uasc_on=date(2026, 6, 1))
    with pytest.raises(RuleBroken) as refused:
        record_uasc_ceased(record, ceased_on=date(2027, 2, 1), reason="left_uk", by=authority.social_worker.user)
    assert refused.value.problems == {
        "ceased_on": [
            "UASC status ends on Sami Haddad's 18th birthday (1 January 2027) at the latest (903 rule 304): it ended "
            "then without being recorded"
        ]
    }
    # then the 903 DUC is the 18th birthday, without anyone recording it
    assert (date_uasc_ceased(record, on=date(2026, 12, 31)), date_uasc_ceased(record, on=date(2027, 11, 1))) == (
        None,
        date(2027, 1, 1),
    )
    assert (is_uasc_on(record, date(2026, 12, 31)), is_uasc_on(record, date(2027, 1, 1))) == (True, False)
