"""The education pages: recording from each form, what a refusal keeps, the PEP's page, the Case work panel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from kith.children_in_care.models import PeriodOfCare
from kith.education.actions import hold_pep_meeting, record_attendance, record_exclusion, record_school, start_pep
from kith.education.models import Exclusion, PepMeeting, PersonalEducationPlan, SchoolPlace, TermAttendance
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, table_rows

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def _meeting_form(held_on: date, **changes: object) -> dict[str, object]:
    return {
        **date_fields("held_on", held_on),
        "designated_teacher": "Mrs Hall",
        "virtual_school": "Dev Patel",
        "child_views": "Ava wants to join the choir",
        "targets": "Reading age up 6 months by Easter",
        "pupil_premium_plus": "£300 reading tutor",
        **changes,
    }


@pytest.mark.requirement("R-111")
def test_the_pep_is_started_and_completed_from_its_forms_and_shown_on_its_page(
    sign_in: SignIn, authority: Authority, period: PeriodOfCare
) -> None:
    client = sign_in(authority.social_worker)
    started = client.post(
        reverse("education:start_pep", args=[period.pk]), date_fields("started_on", date(2027, 1, 14))
    )
    plan = PersonalEducationPlan.objects.get()
    completed = client.post(reverse("education:new_pep_meeting", args=[plan.pk]), _meeting_form(date(2027, 1, 27)))
    assert (started.status_code, started["Location"]) == (302, reverse("education:pep", args=[plan.pk]))
    assert (completed.status_code, completed["Location"]) == (302, reverse("education:pep", args=[plan.pk]))
    rows = table_rows(client.get(completed["Location"]).content.decode(), "pep-meetings")
    assert rows == [
        [
            "27 January 2027",
            "PEP completed",
            "Mrs Hall (designated teacher); Dev Patel (virtual school)",
            "Ava wants to join the choir",
            "Reading age up 6 months by Easter",
            "£300 reading tutor",
            "Not rated – rate it (27 January 2027)",
        ]
    ]


def test_a_refused_pep_meeting_keeps_what_was_typed_and_says_why(
    sign_in: SignIn, authority: Authority, period: PeriodOfCare
) -> None:
    plan = start_pep(period, started_on=date(2027, 1, 14), by=authority.social_worker.user)
    response = sign_in(authority.social_worker).post(
        reverse("education:new_pep_meeting", args=[plan.pk]), _meeting_form(date(2027, 1, 12))
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The PEP meeting (12 January 2027) is before the PEP was started (14 January 2027)" in page
    assert "Ava wants to join the choir" in page
    assert PepMeeting.objects.count() == 0


def test_the_school_exclusions_and_attendance_are_recorded_from_their_forms(
    sign_in: SignIn, authority: Authority, period: PeriodOfCare
) -> None:
    client = sign_in(authority.social_worker)
    casework = reverse("people:casework", args=[period.child.pk])
    responses = [
        client.post(
            reverse("education:new_school", args=[period.pk]),
            {
                "school_name": "Seaton Primary",
                "urn": "111222",
                "year_group": "1",
                **date_fields("started_on", date(2026, 9, 2)),
                "ofsted_judgement": "good",
                "sen_status": "ehcp",
            },
        ),
        client.post(
            reverse("education:new_exclusion", args=[period.pk]),
            {
                "kind": "suspension",
                **date_fields("starts_on", date(2027, 3, 8)),
                "days": "2",
                "reason": "Fighting",
                "sen_status": "ehcp",
            },
        ),
        client.post(
            reverse("education:new_attendance", args=[period.pk]),
            {"school_year": "2026", "term": "spring", "attendance_percent": "93.5"},
        ),
    ]
    assert [(response.status_code, response["Location"]) for response in responses] == [(302, casework)] * 3
    assert list(TermAttendance.objects.values_list("school_year", "term", "attendance_percent")) == [
        (2026, "spring", Decimal("93.5"))
    ]
    assert list(SchoolPlace.objects.values_list("ofsted_judgement", "sen_status")) == [("good", "ehcp")]
    assert list(Exclusion.objects.values_list("sen_status", flat=True)) == ["ehcp"]


def test_a_refused_attendance_keeps_what_was_typed(sign_in: SignIn, authority: Authority, period: PeriodOfCare) -> None:
    response = sign_in(authority.social_worker).post(
        reverse("education:new_attendance", args=[period.pk]),
        {"school_year": "2025", "term": "summer", "attendance_percent": "88.0"},
    )
    page = response.content.decode()
    assert "Ava Thompson was not looked after in the summer term 2025/26" in page
    assert 'value="88.0"' in page
    assert TermAttendance.objects.count() == 0


def test_the_case_work_panel_shows_the_school_the_pep_attendance_and_exclusions(
    sign_in: SignIn, authority: Authority, period: PeriodOfCare
) -> None:
    by = authority.social_worker.user
    record_school(
        period, school_name="Seaton Primary", urn="111222", year_group="1", started_on=date(2026, 9, 2), by=by
    )
    plan = start_pep(period, started_on=date(2027, 1, 14), by=by)
    hold_pep_meeting(
        plan,
        held_on=date(2027, 6, 10),
        designated_teacher="Mrs Hall",
        virtual_school="Dev Patel",
        child_views="Likes school",
        targets="Reading",
        by=by,
    )
    record_exclusion(period, kind="suspension", starts_on=date(2027, 3, 8), days=2, reason="Fighting", by=by)
    record_attendance(period, school_year=2026, term="summer", attendance_percent=Decimal("85.0"), by=by)
    page = sign_in(authority.social_worker).get(reverse("people:casework", args=[period.child.pk])).content.decode()
    panel = " ".join(page[page.index('id="education-panel"') :].split("</section>")[0].split())
    assert "At <strong>Seaton Primary</strong> (URN 111222) since 2 September 2026, joined in Year 1" in panel
    assert "completed 10 June 2027; last meeting" in panel
    assert "(<strong>not yet reviewed this term</strong>)" in panel
    assert "Attendance 85.0% in the summer term (<strong>persistently absent</strong>)" in panel
    assert "Suspension (fixed-term exclusion) from 8 March 2027 for 2 school days" in panel
