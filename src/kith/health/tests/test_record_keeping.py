"""Health records inspectors asked for: each assessment's quality assurance and the child's views (R-102, R-104),
out-of-area forms scrutinised on return (R-103), teenage pregnancy (R-098) and the health passport (R-096)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from io import BytesIO
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from kith.children_in_care.models import PeriodOfCare
from kith.health.actions import (
    record_assessment_quality_check,
    record_health_assessment,
    record_health_passport_given,
    record_out_of_area_scrutiny,
    record_pregnancy,
    record_pregnancy_outcome,
)
from kith.health.models import HealthAssessment, HealthPassportGiven, Pregnancy
from kith.health.queries import record_summary
from kith.platform.access.models import AccessLogEntry
from kith.platform.chronology.models import CaseEvent
from kith.platform.rules import NotAllowed, RuleBroken
from kith.workforce.actions import allocate_case
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, add_child, date_fields, summary_list
from tests.casework import given_looked_after_child

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


@pytest.fixture
def teen_period(authority: Authority) -> PeriodOfCare:
    """Lily Hart, born 1 January 2011 (16), Priya Shah's, looked after since 1 March 2027."""
    lily = add_child("Lily", "Hart", aged=16, by=authority.business_support)
    allocate_case(
        lily,
        team=authority.north,
        worker=authority.social_worker,
        reason="Referral accepted",
        started_on=date(2027, 2, 1),
        by=authority.front_door_manager.user,
    )
    return given_looked_after_child(lily, authority.social_worker, on=date(2027, 3, 1))


def _assess(period: PeriodOfCare, authority: Authority, assessed_on: date, **changes: Any) -> HealthAssessment:
    values: dict[str, Any] = {
        "assessed_on": assessed_on,
        "assessor_name": "Dr Anita Rao",
        "assessor_role": "paediatrician",
        "child_seen": True,
        "outcomes": "Healthy; glasses needed for reading",
        "health_plan": "Carers to book an optician by the end of the month",
    }
    return record_health_assessment(period, **(values | changes), by=authority.social_worker.user)


def _refusal(doing: Callable[[], Any]) -> dict[str, list[str]]:
    with pytest.raises(RuleBroken) as refused:
        doing()
    return refused.value.problems


def _events(code: str) -> list[tuple[date, str]]:
    return list(CaseEvent.objects.filter(event_type=code).order_by("pk").values_list("occurred_on", "summary"))


# --- quality assurance and the child's views ---------------------------------------------------------


@pytest.mark.requirement("R-102")
def test_an_assessment_that_falls_short_is_recorded_with_what_falls_short(
    authority: Authority, period: PeriodOfCare
) -> None:
    assessment = _assess(period, authority, date(2027, 1, 26))
    record_assessment_quality_check(
        assessment,
        checked_on=date(2027, 2, 10),
        checked_by="Helen Price",
        meets_standard=False,
        notes="No date for the optician",
        by=authority.social_worker.user,
    )
    assessment.refresh_from_db()
    assert (assessment.quality_checked_on, assessment.quality_checked_by, assessment.meets_standard) == (
        date(2027, 2, 10),
        "Helen Price",
        False,
    )
    assert _events("health.assessment_quality_checked") == [
        (
            date(2027, 2, 10),
            "The health assessment of 26 January 2027 does not meet the standard: No date for the optician "
            "(quality assured by Helen Price)",
        )
    ]


@pytest.mark.requirement("R-102")
def test_a_quality_check_is_after_the_assessment_once_and_says_why_it_falls_short(
    authority: Authority, period: PeriodOfCare
) -> None:
    assessment = _assess(period, authority, date(2027, 1, 26))
    problems = _refusal(
        lambda: record_assessment_quality_check(
            assessment,
            checked_on=date(2027, 1, 20),
            checked_by=" ",
            meets_standard=False,
            by=authority.social_worker.user,
        )
    )
    record_assessment_quality_check(
        assessment,
        checked_on=date(2027, 2, 1),
        checked_by="Helen Price",
        meets_standard=True,
        by=authority.social_worker.user,
    )
    again = _refusal(
        lambda: record_assessment_quality_check(
            assessment,
            checked_on=date(2027, 2, 2),
            checked_by="Jo",
            meets_standard=True,
            by=authority.social_worker.user,
        )
    )
    assert problems == {
        "checked_on": ["The quality check (20 January 2027) is before the assessment (26 January 2027)"],
        "checked_by": ["Give the name of who quality assured the assessment"],
        "notes": ["Say what falls short of the standard and what will be done"],
    }
    assert again == {"checked_on": ["This assessment was quality assured on 1 February 2027"]}
    assert CaseEvent.objects.filter(event_type="health.assessment_quality_checked").count() == 1


@pytest.mark.requirement("R-104")
def test_the_childs_views_on_their_health_services_are_kept_with_the_assessment(
    authority: Authority, sign_in: SignIn, period: PeriodOfCare
) -> None:
    assessment = _assess(period, authority, date(2027, 1, 26), child_views_on_services="Ava is scared of the dentist")
    page = sign_in(authority.social_worker).get(reverse("health:assessment", args=[assessment.pk])).content.decode()
    details = summary_list(page, "assessment-details")
    assert details["The child's views on their health services"] == "Ava is scared of the dentist"
    assert details["Quality assurance"] == "Not yet quality assured – record the quality check"


# --- out-of-area scrutiny ------------------------------------------------------------------------------


@pytest.mark.requirement("R-103")
def test_an_out_of_area_assessment_is_scrutinised_when_its_forms_come_back(
    authority: Authority, period: PeriodOfCare
) -> None:
    _assess(period, authority, date(2027, 1, 26))
    review = _assess(
        period, authority, date(2027, 9, 1), assessor_name="Leah Grant", assessor_role="school_nurse", out_of_area=True
    )
    record_out_of_area_scrutiny(
        review,
        scrutinised_on=date(2027, 9, 20),
        scrutinised_by="Helen Price",
        outcome="Complete; CAMHS referral confirmed",
        by=authority.social_worker.user,
    )
    review.refresh_from_db()
    assert (review.scrutinised_on, review.scrutinised_by, review.scrutiny_outcome) == (
        date(2027, 9, 20),
        "Helen Price",
        "Complete; CAMHS referral confirmed",
    )
    assert _events("health.health_assessment_completed")[1][1] == (
        "Review health assessment by Leah Grant (school nurse) out of area"
    )
    assert _events("health.out_of_area_assessment_scrutinised") == [
        (
            date(2027, 9, 20),
            "Out-of-area health assessment of 1 September 2027 scrutinised by Helen Price: Complete; CAMHS referral "
            "confirmed",
        )
    ]


@pytest.mark.requirement("R-103")
def test_only_an_out_of_area_assessment_is_scrutinised(authority: Authority, period: PeriodOfCare) -> None:
    assessment = _assess(period, authority, date(2027, 1, 26))
    problems = _refusal(
        lambda: record_out_of_area_scrutiny(
            assessment,
            scrutinised_on=date(2027, 2, 1),
            scrutinised_by="Helen",
            outcome="Fine",
            by=authority.social_worker.user,
        )
    )
    assert problems == {
        "scrutinised_on": [
            "The assessment of 26 January 2027 was done in area: only forms from out of area are scrutinised on return"
        ]
    }
    assessment.refresh_from_db()
    assert assessment.scrutinised_on is None


# --- teenage pregnancy ---------------------------------------------------------------------------------


@pytest.mark.requirement("R-098")
def test_a_pregnancy_and_its_outcome_are_key_events(authority: Authority, teen_period: PeriodOfCare) -> None:
    pregnancy = record_pregnancy(
        teen_period,
        known_on=date(2027, 6, 1),
        support="Midwife booked; LAC nurse visiting",
        by=authority.social_worker.user,
    )
    record_pregnancy_outcome(
        pregnancy, outcome="born", outcome_on=date(2027, 10, 30), notes="A boy, Leo", by=authority.social_worker.user
    )
    pregnancy.refresh_from_db()
    assert (pregnancy.outcome, pregnancy.outcome_on) == ("born", date(2027, 10, 30))
    assert _events("health.pregnancy_recorded") + _events("health.pregnancy_outcome_recorded") == [
        (date(2027, 6, 1), "Pregnant; support offered: Midwife booked; LAC nurse visiting"),
        (date(2027, 10, 30), "Baby born: A boy, Leo"),
    ]
    assert CaseEvent.objects.get(event_type="health.pregnancy_recorded").significance == "key"


@pytest.mark.requirement("R-098")
def test_a_pregnancy_needs_the_support_and_an_outcome_after_it_was_known_once(
    authority: Authority, teen_period: PeriodOfCare
) -> None:
    no_support = _refusal(
        lambda: record_pregnancy(teen_period, known_on=date(2027, 2, 1), support="", by=authority.social_worker.user)
    )
    pregnancy = record_pregnancy(
        teen_period, known_on=date(2027, 6, 1), support="Midwife", by=authority.social_worker.user
    )
    too_early = _refusal(
        lambda: record_pregnancy_outcome(
            pregnancy, outcome="miscarriage", outcome_on=date(2027, 5, 1), by=authority.social_worker.user
        )
    )
    record_pregnancy_outcome(
        pregnancy, outcome="miscarriage", outcome_on=date(2027, 7, 1), by=authority.social_worker.user
    )
    twice = _refusal(
        lambda: record_pregnancy_outcome(
            pregnancy, outcome="born", outcome_on=date(2027, 10, 1), by=authority.social_worker.user
        )
    )
    assert no_support == {
        "known_on": ["The date (1 February 2027) is before Lily Hart came into care (1 March 2027)"],
        "support": ["Record the support offered to the young person"],
    }
    assert too_early == {"outcome_on": ["The date (1 May 2027) is before the pregnancy was known (1 June 2027)"]}
    assert twice == {"outcome": ["The outcome was recorded: miscarriage"]}
    assert Pregnancy.objects.count() == 1


# --- the health passport -------------------------------------------------------------------------------


@pytest.mark.requirement("R-096")
def test_the_passport_is_given_to_a_young_person_of_16_in_care_and_shows_on_the_panel(
    authority: Authority, teen_period: PeriodOfCare
) -> None:
    lily = teen_period.child
    assert record_summary(lily)["passport"] is None
    given = record_health_passport_given(lily, given_on=date(2027, 10, 20), by=authority.social_worker.user)
    summary = record_summary(lily)
    assert (summary["passport_due"], summary["passport"]) == (True, given)
    assert _events("health.health_passport_given") == [(date(2027, 10, 20), "Lily was given their health passport")]


@pytest.mark.requirement("R-096")
def test_the_passport_is_not_for_a_younger_child_nor_one_neither_in_care_nor_a_care_leaver(
    authority: Authority, period: PeriodOfCare, teen_period: PeriodOfCare
) -> None:
    young = _refusal(
        lambda: record_health_passport_given(period.child, given_on=date(2027, 10, 20), by=authority.social_worker.user)
    )
    before_care = _refusal(
        lambda: record_health_passport_given(
            teen_period.child, given_on=date(2027, 2, 15), by=authority.social_worker.user
        )
    )
    record_health_passport_given(teen_period.child, given_on=date(2027, 10, 20), by=authority.social_worker.user)
    same_day = _refusal(
        lambda: record_health_passport_given(
            teen_period.child, given_on=date(2027, 10, 20), by=authority.social_worker.user
        )
    )
    assert young == {
        "given_on": ["The health passport is for young people of 16 or more; Ava Thompson was 6 on 20 October 2027"]
    }
    assert before_care == {"given_on": ["Lily Hart was neither looked after nor a care leaver on 15 February 2027"]}
    assert same_day == {"given_on": ["A health passport given of 20 October 2027 is already recorded for Lily Hart"]}
    with pytest.raises(NotAllowed):
        record_health_passport_given(teen_period.child, given_on=date(2027, 10, 21), by=authority.south_worker.user)
    assert HealthPassportGiven.objects.count() == 1


@pytest.mark.requirement("R-096")
def test_the_passport_is_a_tagged_pdf_in_words_for_the_young_person_logged_as_a_print(
    authority: Authority, sign_in: SignIn, teen_period: PeriodOfCare
) -> None:
    _assess(
        teen_period,
        authority,
        date(2027, 3, 20),
        outcomes="Asthma is well controlled",
        health_plan="Inhaler review in May",
    )
    url = reverse("health:passport_pdf", args=[teen_period.child.pk])
    response = sign_in(authority.social_worker).get(url)
    document = PdfReader(BytesIO(response.content))
    assert (response["Content-Type"], document.trailer["/Root"]["/MarkInfo"]["/Marked"]) == ("application/pdf", True)
    assert document.metadata is not None
    assert document.metadata.title == "Lily's health passport"
    text = " ".join(" ".join(page.extract_text() for page in document.pages).split())
    assert "This is your health history while you were looked after, up to 1 November 2027." in text
    assert "Asthma is well controlled" in text
    assert "Your vaccinations have not been checked yet." in text
    assert list(
        AccessLogEntry.objects.filter(person=teen_period.child, what=AccessLogEntry.What.PRINT).values_list(
            "page", flat=True
        )
    ) == [url]
    assert sign_in(authority.south_worker).get(url).status_code == 404


# --- the pages -----------------------------------------------------------------------------------------


@pytest.mark.requirement("R-102")
def test_a_refused_quality_check_keeps_what_was_typed_and_a_good_one_returns_to_the_assessment(
    authority: Authority, sign_in: SignIn, period: PeriodOfCare
) -> None:
    assessment = _assess(period, authority, date(2027, 1, 26))
    client = sign_in(authority.social_worker)
    url = reverse("health:quality_check", args=[assessment.pk])
    bad = client.post(
        url, {**date_fields("checked_on", date(2027, 2, 1)), "checked_by": "Helen Price", "meets_standard": "no"}
    )
    good = client.post(
        url,
        {
            **date_fields("checked_on", date(2027, 2, 1)),
            "checked_by": "Helen Price",
            "meets_standard": "no",
            "notes": "No date for the optician",
        },
    )
    page = bad.content.decode()
    assert bad.status_code == 200
    assert "Say what falls short of the standard and what will be done" in page
    assert 'value="Helen Price"' in page
    assert (good.status_code, good["Location"]) == (302, reverse("health:assessment", args=[assessment.pk]))
    assessment.refresh_from_db()
    assert (assessment.meets_standard, assessment.quality_notes) == (False, "No date for the optician")


@pytest.mark.requirement("R-103")
def test_the_scrutiny_form_records_it(authority: Authority, sign_in: SignIn, period: PeriodOfCare) -> None:
    assessment = _assess(period, authority, date(2027, 1, 26), out_of_area=True)
    response = sign_in(authority.social_worker).post(
        reverse("health:scrutiny", args=[assessment.pk]),
        {**date_fields("scrutinised_on", date(2027, 2, 3)), "scrutinised_by": "Helen Price", "outcome": "Complete"},
    )
    assert (response.status_code, response["Location"]) == (302, reverse("health:assessment", args=[assessment.pk]))
    assessment.refresh_from_db()
    assert assessment.scrutinised_on == date(2027, 2, 3)


@pytest.mark.requirement("R-098")
def test_pregnancy_and_outcome_forms_record_and_the_panel_shows_it(
    authority: Authority, sign_in: SignIn, teen_period: PeriodOfCare
) -> None:
    client = sign_in(authority.social_worker)
    casework = reverse("people:casework", args=[teen_period.child.pk])
    bad = client.post(reverse("health:new_pregnancy", args=[teen_period.pk]), date_fields("known_on", date(2027, 6, 1)))
    good = client.post(
        reverse("health:new_pregnancy", args=[teen_period.pk]),
        {**date_fields("known_on", date(2027, 6, 1)), "support": "Midwife booked"},
    )
    panel = client.get(casework).content.decode()
    pregnancy = Pregnancy.objects.get()
    outcome = client.post(
        reverse("health:pregnancy_outcome", args=[pregnancy.pk]),
        {"outcome": "termination", **date_fields("outcome_on", date(2027, 7, 1))},
    )
    assert "Record the support offered to the young person" in bad.content.decode()
    assert (good.status_code, good["Location"], outcome.status_code) == (302, casework, 302)
    assert "<strong>Pregnant</strong>, known 1 June 2027" in panel
    pregnancy.refresh_from_db()
    assert pregnancy.outcome == "termination"


@pytest.mark.requirement("R-096")
def test_the_passport_given_form_records_the_day(
    authority: Authority, sign_in: SignIn, teen_period: PeriodOfCare
) -> None:
    client = sign_in(authority.social_worker)
    url = reverse("health:passport_given", args=[teen_period.child.pk])
    response = client.post(url, date_fields("given_on", date(2027, 10, 20)))
    panel = client.get(reverse("people:casework", args=[teen_period.child.pk])).content.decode()
    assert response.status_code == 302
    assert "Health passport: given 20 October 2027" in panel
    assert sign_in(authority.south_worker).get(url).status_code == 404
