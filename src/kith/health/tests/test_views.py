"""The health pages: recording from each form, what a refusal keeps, the assessment's page, the Case work panel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.children_in_care.models import PeriodOfCare
from kith.health.actions import record_dental_check, record_health_assessment, record_immunisations, record_sdq
from kith.health.models import DentalCheck, HealthAssessment, ImmunisationCheck, SdqScore
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, summary_list

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def _assessment_form(assessed_on: date, **changes: object) -> dict[str, object]:
    return {
        **date_fields("assessed_on", assessed_on),
        "assessor_name": "Dr Anita Rao",
        "assessor_role": "paediatrician",
        "child_seen": "yes",
        "outcomes": "Healthy; glasses needed for reading",
        "health_plan": "Carers to book an optician",
        "child_views_on_services": "Ava likes her GP",
        "out_of_area": "no",
        **changes,
    }


def test_the_assessment_form_is_shown_as_the_initial_assessment(
    sign_in: SignIn, authority: Authority, period: PeriodOfCare
) -> None:
    page = sign_in(authority.social_worker).get(reverse("health:new_assessment", args=[period.pk])).content.decode()
    assert "This is the initial health assessment of this period of care: a doctor carries it out." in page


def test_an_assessment_is_recorded_from_its_form_and_shown_on_its_page(
    sign_in: SignIn, authority: Authority, period: PeriodOfCare
) -> None:
    client = sign_in(authority.social_worker)
    response = client.post(reverse("health:new_assessment", args=[period.pk]), _assessment_form(date(2027, 1, 26)))
    assessment = HealthAssessment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("health:assessment", args=[assessment.pk])
    details = summary_list(client.get(response["Location"]).content.decode(), "assessment-details")
    assert details["Carried out by"] == "Dr Anita Rao (Paediatrician)"
    assert details["Health plan"] == "Carers to book an optician"
    assert details["Substance misuse identified"] == "Not asked"


def test_a_refused_assessment_keeps_what_was_typed_and_says_why(
    sign_in: SignIn, authority: Authority, period: PeriodOfCare
) -> None:
    client = sign_in(authority.social_worker)
    response = client.post(
        reverse("health:new_assessment", args=[period.pk]),
        _assessment_form(date(2027, 1, 26), assessor_role="health_visitor", outcomes="Growth on track"),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "a health visitor may carry out review assessments" in page
    assert "Growth on track" in page
    assert HealthAssessment.objects.count() == 0


def test_dental_immunisations_and_sdq_are_recorded_from_their_forms(
    sign_in: SignIn, authority: Authority, period: PeriodOfCare
) -> None:
    client = sign_in(authority.social_worker)
    casework = reverse("people:casework", args=[period.child.pk])
    responses = [
        client.post(
            reverse("health:new_dental_check", args=[period.pk]),
            {**date_fields("checked_on", date(2027, 3, 1)), "dentist": "Seaton Dental"},
        ),
        client.post(
            reverse("health:new_immunisations", args=[period.pk]),
            {**date_fields("checked_on", date(2027, 2, 1)), "up_to_date": "yes"},
        ),
        client.post(
            reverse("health:new_sdq", args=[period.pk]),
            {**date_fields("completed_on", date(2027, 6, 1)), "score": "14", "completed_by": "Foster carer"},
        ),
    ]
    assert [(response.status_code, response["Location"]) for response in responses] == [(302, casework)] * 3
    assert (DentalCheck.objects.count(), ImmunisationCheck.objects.count(), SdqScore.objects.count()) == (1, 1, 1)


def test_a_refused_sdq_keeps_what_was_typed(sign_in: SignIn, authority: Authority, period: PeriodOfCare) -> None:
    response = sign_in(authority.social_worker).post(
        reverse("health:new_sdq", args=[period.pk]),
        {**date_fields("completed_on", date(2027, 6, 1)), "score": "45", "completed_by": "Sam Rowley"},
    )
    page = response.content.decode()
    assert "The total difficulties score is from 0 to 40; 45 is not" in page
    assert 'value="Sam Rowley"' in page
    assert SdqScore.objects.count() == 0


def test_the_case_work_panel_shows_the_last_assessment_what_is_due_and_the_checks(
    sign_in: SignIn, authority: Authority, period: PeriodOfCare
) -> None:
    by = authority.social_worker.user
    record_health_assessment(
        period,
        assessed_on=date(2027, 1, 26),
        assessor_name="Dr Anita Rao",
        assessor_role="paediatrician",
        child_seen=True,
        outcomes="Well",
        health_plan="Dentist",
        by=by,
    )
    record_dental_check(period, checked_on=date(2027, 3, 1), by=by)
    record_immunisations(period, checked_on=date(2027, 2, 1), up_to_date=False, outstanding="MMR booster", by=by)
    record_sdq(period, completed_on=date(2027, 6, 1), score=14, completed_by="Foster carer", by=by)
    page = sign_in(authority.social_worker).get(reverse("people:casework", args=[period.child.pk])).content.decode()
    panel = " ".join(page[page.index('id="health-panel"') :].split("</section>")[0].split())
    assert "26 January 2027</a> by Dr Anita Rao (paediatrician)" in panel
    assert "Next health assessment due <strong>26 January 2028</strong>" in panel
    assert "Last dental check 1 March 2027" in panel
    assert "Immunisations <strong>not up to date</strong> (MMR booster) on 1 February 2027" in panel
    assert "SDQ score <strong>14</strong> on 1 June 2027" in panel
