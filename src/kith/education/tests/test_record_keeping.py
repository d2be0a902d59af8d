"""Education records inspectors asked for: each PEP's quality rated by the virtual school (R-057), the school's
Ofsted judgement (R-110), and SEN status with every exclusion so disproportion shows (R-109)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kith.children_in_care.models import PeriodOfCare
from kith.education.actions import hold_pep_meeting, rate_pep_quality, record_exclusion, record_school, start_pep
from kith.education.models import PepMeeting
from kith.education.queries import ExclusionsBySen, exclusions_by_sen_status
from kith.platform.chronology.models import CaseEvent
from kith.platform.rules import RuleBroken
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, table_rows

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def _meeting(period: PeriodOfCare, authority: Authority) -> PepMeeting:
    plan = start_pep(period, started_on=date(2027, 1, 11), by=authority.social_worker.user)
    return hold_pep_meeting(
        plan,
        held_on=date(2027, 1, 25),
        designated_teacher="Alan Reeve",
        virtual_school="Hana Kowalczyk",
        child_views="Ava wants to join the choir",
        targets="Read a book a week",
        by=authority.social_worker.user,
    )


def _refusal(doing: Callable[[], Any]) -> dict[str, list[str]]:
    with pytest.raises(RuleBroken) as refused:
        doing()
    return refused.value.problems


@pytest.mark.requirement("R-057")
def test_the_virtual_school_rates_each_pep_once(authority: Authority, period: PeriodOfCare) -> None:
    meeting = _meeting(period, authority)
    before = _refusal(
        lambda: rate_pep_quality(
            meeting, rating="great", rated_on=date(2027, 1, 20), rated_by="", by=authority.social_worker.user
        )
    )
    rate_pep_quality(
        meeting,
        rating="requires_improvement",
        rated_on=date(2027, 2, 1),
        rated_by="Hana Kowalczyk",
        by=authority.social_worker.user,
    )
    again = _refusal(
        lambda: rate_pep_quality(
            meeting, rating="good", rated_on=date(2027, 2, 2), rated_by="Hana", by=authority.social_worker.user
        )
    )
    meeting.refresh_from_db()
    assert before == {
        "rating": ["Choose the quality rating"],
        "rated_on": ["The rating (20 January 2027) is before the PEP meeting it rates (25 January 2027)"],
        "rated_by": ["Give the name of who rated the PEP for the virtual school"],
    }
    assert again == {"rating": ["This PEP was rated requires improvement on 1 February 2027"]}
    assert (meeting.quality_rating, meeting.quality_rated_on, meeting.quality_rated_by) == (
        "requires_improvement",
        date(2027, 2, 1),
        "Hana Kowalczyk",
    )
    assert list(
        CaseEvent.objects.filter(event_type="education.pep_quality_rated").values_list("occurred_on", "summary")
    ) == [
        (date(2027, 2, 1), "The PEP of 25 January 2027 rated requires improvement by Hana Kowalczyk (virtual school)")
    ]


@pytest.mark.requirement("R-057")
def test_the_rating_form_records_it_and_the_pep_page_shows_it(
    authority: Authority, sign_in: SignIn, period: PeriodOfCare
) -> None:
    meeting = _meeting(period, authority)
    client = sign_in(authority.social_worker)
    url = reverse("education:rate_pep", args=[meeting.pk])
    bad = client.post(url, {**date_fields("rated_on", date(2027, 2, 1)), "rated_by": "Hana Kowalczyk"})
    good = client.post(
        url, {**date_fields("rated_on", date(2027, 2, 1)), "rated_by": "Hana Kowalczyk", "rating": "good"}
    )
    assert "Choose the quality rating" in bad.content.decode()
    assert 'value="Hana Kowalczyk"' in bad.content.decode()
    assert (good.status_code, good["Location"]) == (302, reverse("education:pep", args=[meeting.plan_id]))
    page = client.get(good["Location"]).content.decode()
    assert table_rows(page, "pep-meetings")[0][-1] == "Good (Hana Kowalczyk, 1 February 2027)"


@pytest.mark.requirement("R-110")
def test_the_schools_ofsted_judgement_is_recorded_with_the_school(authority: Authority, period: PeriodOfCare) -> None:
    wrong = _refusal(
        lambda: record_school(
            period,
            school_name="Seaton Primary",
            year_group="1",
            started_on=date(2026, 9, 2),
            ofsted_judgement="brilliant",
            by=authority.social_worker.user,
        )
    )
    place = record_school(
        period,
        school_name="Seaton Primary",
        year_group="1",
        started_on=date(2026, 9, 2),
        ofsted_judgement="outstanding",
        sen_status="none",
        by=authority.social_worker.user,
    )
    assert wrong == {"ofsted_judgement": ["Choose the school's Ofsted judgement"]}
    assert (place.ofsted_judgement, place.sen_status) == ("outstanding", "none")
    assert CaseEvent.objects.get(event_type="education.school_started").summary == (
        "At Seaton Primary (Year 1); Ofsted: outstanding"
    )


@pytest.mark.requirement("R-109")
def test_an_exclusion_takes_the_sen_status_recorded_with_the_school_unless_given(
    authority: Authority, period: PeriodOfCare
) -> None:
    record_school(
        period,
        school_name="Seaton Primary",
        year_group="1",
        started_on=date(2026, 9, 2),
        sen_status="sen_support",
        by=authority.social_worker.user,
    )
    first = record_exclusion(
        period,
        kind="suspension",
        starts_on=date(2027, 3, 8),
        days=2,
        reason="Fighting",
        by=authority.social_worker.user,
    )
    second = record_exclusion(
        period,
        kind="permanent",
        starts_on=date(2027, 6, 8),
        reason="Assault on a teacher",
        sen_status="ehcp",
        by=authority.social_worker.user,
    )
    assert (first.sen_status, second.sen_status) == ("sen_support", "ehcp")
    assert CaseEvent.objects.filter(event_type="education.exclusion").order_by("pk").first().summary == (
        "Suspended for 2 school days from Seaton Primary (sen support): Fighting"
    )


@pytest.mark.requirement("R-109")
def test_exclusions_by_sen_status_show_disproportion(
    authority: Authority, period: PeriodOfCare, toddler_period: PeriodOfCare
) -> None:
    # given Ava on SEN support, excluded, and Noah at nursery with no SEN, not excluded
    for each, status in ((period, "sen_support"), (toddler_period, "none")):
        record_school(
            each,
            school_name="Seaton Primary",
            year_group="N" if status == "none" else "1",
            started_on=date(2027, 3, 2),
            sen_status=status,
            by=authority.social_worker.user,
        )
    record_exclusion(
        period,
        kind="suspension",
        starts_on=date(2027, 3, 8),
        days=2,
        reason="Fighting",
        by=authority.social_worker.user,
    )
    rows = exclusions_by_sen_status(start=date(2026, 9, 1), end=date(2027, 8, 31))
    assert rows == [
        ExclusionsBySen("none", "No special educational needs", 1, 0),
        ExclusionsBySen("sen_support", "SEN support", 1, 1),
        ExclusionsBySen("ehcp", "Education, health and care plan", 0, 0),
        ExclusionsBySen("", "Not recorded", 0, 0),
    ]
    assert rows[1].percent_excluded == 100.0
