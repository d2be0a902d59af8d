"""The leaving care pages: starting support, the forms' refusals keeping what was typed, recording from each
form, and the Case work panel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.care_leavers.actions import agree_pathway_plan, allocate_personal_adviser, complete_needs_assessment
from kith.care_leavers.models import BirthdayContact, LeavingCareSupport, PathwayPlan, PersonalAdviserContact
from kith.care_leavers.tests.test_actions import NEEDS, PLAN
from kith.people.models import Person
from kith.platform.timescales.models import Deadline
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, summary_list, table_rows

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def _plan_form(**changes: object) -> dict[str, object]:
    return {**PLAN.__dict__, **changes}


def test_support_is_started_from_its_page_and_the_record_shows_the_status(
    authority: Authority, sign_in: SignIn, kai: Person, period: object
) -> None:
    client = sign_in(authority.social_worker)
    page = client.get(reverse("care_leavers:start_support", args=[kai.pk])).content.decode()
    response = client.post(reverse("care_leavers:start_support", args=[kai.pk]), date_fields("on", date(2027, 11, 1)))
    assert "Today: eligible. Looked after and eligible since 15 September 2026." in page
    assert response.status_code == 302
    assert response["Location"] == reverse("care_leavers:young_person", args=[kai.pk])
    record = client.get(response["Location"]).content.decode()
    assert summary_list(record, "leaving-care")["Status today"] == (
        "Eligible: Looked after and eligible since 15 September 2026"
    )
    assert table_rows(record, "due")[0][:2] == ["Needs assessment", "15 December 2026"]


def test_starting_support_for_a_child_not_yet_eligible_says_why(
    authority: Authority, sign_in: SignIn, kai: Person, period: object
) -> None:
    client = sign_in(authority.social_worker)
    response = client.post(reverse("care_leavers:start_support", args=[kai.pk]), date_fields("on", date(2026, 9, 14)))
    assert response.status_code == 200
    assert (
        "Kai Morgan is not an eligible child on 14 September 2026 (not a care leaver: Under 16 "
        "(16 on 15 September 2026))"
    ) in response.content.decode()
    assert LeavingCareSupport.objects.count() == 0


def test_a_refused_pathway_plan_keeps_what_was_typed(
    authority: Authority, sign_in: SignIn, kai: Person, support: LeavingCareSupport
) -> None:
    client = sign_in(authority.social_worker)
    response = client.post(
        reverse("care_leavers:agree_plan", args=[kai.pk]),
        _plan_form(**date_fields("agreed_on", date(2026, 12, 1)), contingency=""),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Say what happens if the plan does not work out" in page
    assert "Supported lodgings in Hartlepool from the summer" in page
    assert PathwayPlan.objects.count() == 0


def test_the_plan_is_agreed_then_reviewed_from_a_form_that_starts_from_the_plan_in_force(
    authority: Authority, sign_in: SignIn, kai: Person, support: LeavingCareSupport
) -> None:
    complete_needs_assessment(support, completed_on=date(2026, 11, 20), details=NEEDS, by=authority.social_worker.user)
    client = sign_in(authority.social_worker)
    agreed = client.post(
        reverse("care_leavers:agree_plan", args=[kai.pk]),
        _plan_form(**date_fields("agreed_on", date(2026, 12, 1)), **date_fields("copy_given_on", date(2026, 12, 2))),
    )
    plan = PathwayPlan.objects.get()
    review_url = reverse("care_leavers:review_plan", args=[plan.pk])
    form = client.get(review_url).content.decode()
    reviewed = client.post(
        review_url,
        _plan_form(**date_fields("reviewed_on", date(2027, 5, 20)), what_changed="Kai starts an apprenticeship"),
    )
    assert (agreed.status_code, reviewed.status_code) == (302, 302)
    assert "Register with a GP near the lodgings; asthma review in March" in form
    assert list(PathwayPlan.objects.order_by("pk").values_list("agreed_on", "replaced_on", "copy_given_on")) == [
        (date(2026, 12, 1), date(2027, 5, 20), date(2026, 12, 2)),
        (date(2027, 5, 20), None, None),
    ]
    in_force = PathwayPlan.objects.get(replaced_on__isnull=True)
    record = client.get(reverse("care_leavers:young_person", args=[kai.pk])).content.decode()
    shown = summary_list(record, f"pathway-plan-{in_force.pk}")
    assert (shown["Agreed"], shown["What changed"], shown["Copy given"]) == (
        "20 May 2027 (in force)",
        "Kai starts an apprenticeship",
        "Not yet – record the copy given",
    )


def test_a_visit_is_recorded_from_its_form_and_meets_the_visit_clock(
    authority: Authority, sign_in: SignIn, kai: Person, support: LeavingCareSupport, adviser: StaffMember
) -> None:
    allocate_personal_adviser(support, adviser=adviser, allocated_on=date(2026, 10, 1), by=authority.team_manager.user)
    client = sign_in(adviser)
    url = reverse("care_leavers:new_contact", args=[kai.pk])
    refused = client.post(url, {**date_fields("contact_on", date(2026, 11, 10)), "kind": "seen", "notes": "Cooking"})
    done = client.post(
        url,
        {**date_fields("contact_on", date(2026, 11, 10)), "kind": "seen", "where": "At college", "notes": "Cooking"},
    )
    assert "Say where you saw the young person" in refused.content.decode()
    assert done.status_code == 302
    assert PersonalAdviserContact.objects.get().where == "At college"
    assert Deadline.objects.get(timescale_code="care_leavers.personal_adviser_visit", met_on__isnull=False).met_on == (
        date(2026, 11, 10)
    )


def test_the_birthday_form_starts_from_where_the_young_person_lives_and_records_the_oc3_row(
    authority: Authority, sign_in: SignIn, kai: Person, left_care: LeavingCareSupport, adviser: StaffMember
) -> None:
    client = sign_in(adviser)
    client.post(
        reverse("care_leavers:new_accommodation", args=[kai.pk]),
        {
            **date_fields("moved_on", date(2027, 8, 1)),
            "accommodation": "E",
            "suitable": "yes",
            "description": "Supported lodgings with Mrs Ada Quinn",
            "arrangement": "supported_lodgings",
        },
    )
    url = reverse("care_leavers:new_birthday_contact", args=[kai.pk])
    form = client.get(url).content.decode()
    response = client.post(
        url,
        {
            "birthday": "17",
            **date_fields("contact_on", date(2027, 9, 20)),
            "in_touch": "YES",
            "activity": "F2",
            "accommodation": "E",
            "accommodation_suitable": "yes",
        },
    )
    assert '<option value="E" selected>' in form
    assert response.status_code == 302
    assert BirthdayContact.objects.get().accom_code == "E1"
    record = client.get(reverse("care_leavers:young_person", args=[kai.pk])).content.decode()
    assert table_rows(record, "birthdays") == [["17 (15 September 2027)", "YES", "F2", "E1"]]


def test_the_case_work_panel_shows_the_status_adviser_and_what_is_due(
    authority: Authority, sign_in: SignIn, kai: Person, support: LeavingCareSupport, adviser: StaffMember
) -> None:
    complete_needs_assessment(support, completed_on=date(2026, 11, 20), details=NEEDS, by=authority.social_worker.user)
    agree_pathway_plan(support, agreed_on=date(2027, 6, 1), details=PLAN, by=authority.social_worker.user)
    allocate_personal_adviser(support, adviser=adviser, allocated_on=date(2027, 10, 1), by=authority.team_manager.user)
    page = sign_in(authority.social_worker).get(reverse("people:casework", args=[kai.pk])).content.decode()
    panel = page[page.index('id="care-leavers-panel"') :]
    panel = panel[: panel.index("</section>")]
    text = " ".join(panel.replace("<strong>", "").replace("</strong>", "").split())
    assert "Status today: Eligible (Looked after and eligible since 15 September 2026)" in text
    assert "Personal adviser: Pat Lowry since 1 October 2027" in text
    assert "Pathway plan agreed 1 June 2027; review due 1 December 2027; no copy given yet" in text
    assert "No contact recorded; next visit due 1 December 2027" in text


def test_no_panel_for_a_young_child(authority: Authority, sign_in: SignIn) -> None:
    page = sign_in(authority.social_worker).get(reverse("people:casework", args=[authority.own_child.pk]))
    assert 'id="care-leavers-panel"' not in page.content.decode()
