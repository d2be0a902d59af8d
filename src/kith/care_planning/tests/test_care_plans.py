"""Care plans: the first meets the care plan clock and names the IRO, later versions replace it and carry
its open objectives; the copy given to the child; permanence planning meetings; the pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from io import BytesIO
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from kith.care_planning.actions import agree_care_plan, hold_permanence_meeting, record_care_plan_given_to_child
from kith.care_planning.models import CarePlan, PermanencePlan
from kith.care_planning.queries import care_plan_in_force, record_summary
from kith.care_planning.rules import CarePlanDetails
from kith.care_planning.views import PERMANENCE_FOR_THE_CHILD
from kith.care_reviews.actions import allocate_iro
from kith.children_in_care.actions import end_period_of_care
from kith.children_in_care.models import PeriodOfCare
from kith.plans.models import Objective
from kith.plans.records import ObjectiveDetails
from kith.platform.access.models import AccessLogEntry
from kith.platform.access.roles import Role
from kith.platform.drafts.store import draft_for, save_draft
from kith.platform.rules import RuleBroken
from kith.platform.timescales.models import Deadline
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, add_staff, date_fields
from tests.casework import given_looked_after_child

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]
IN_CARE_FROM = date(2027, 2, 1)
PLAN = CarePlanDetails(
    why_looked_after="Her mother is in hospital and no one else can care for her",
    permanence_plan="return_home",
    permanence_target_on=date(2027, 8, 31),
    contingency="Her aunt is assessed to care for her",
    family_time="Saturdays with her mum at the hospital",
    child_views="Ava wants to go home when her mum is well",
)
SCHOOL = ObjectiveDetails(
    outcome="Ava keeps her school place",
    action="The carers take her to school",
    owner="The carers",
    target_date=date(2027, 7, 16),
)


@pytest.fixture(autouse=True)
def _today_is_1_march_2027(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(date(2027, 3, 1), tick=False)


@pytest.fixture
def iro(authority: Authority) -> StaffMember:
    return add_staff("Irene Walsh", Role.IRO, authority.service)


@pytest.fixture
def period(authority: Authority, iro: StaffMember) -> PeriodOfCare:
    """Ava, looked after since 1 February 2027, with Irene Walsh as her IRO from the next day."""
    period = given_looked_after_child(authority.own_child, authority.social_worker, on=IN_CARE_FROM)
    allocate_iro(period, iro=iro, allocated_on=date(2027, 2, 2), by=authority.team_manager.user)
    return period


def _agree(authority: Authority, period: PeriodOfCare, on: date, **changes: Any) -> CarePlan:
    details = changes.pop("details", PLAN)
    objectives = changes.pop("objectives", [SCHOOL])
    return agree_care_plan(
        period, agreed_on=on, details=details, objectives=objectives, by=authority.social_worker.user
    )


@pytest.mark.requirement("R-048")
def test_the_first_care_plan_names_the_iro_and_meets_the_clock(
    authority: Authority,
    period: PeriodOfCare,
    iro: StaffMember,
) -> None:
    plan = _agree(authority, period, date(2027, 2, 12))
    clock = Deadline.objects.get(child=period.child, timescale_code="children_in_care.care_plan")
    assert (plan.iro, clock.due_on, clock.met_on) == (iro, date(2027, 2, 15), date(2027, 2, 12))
    assert list(Objective.objects.filter(care_plan=plan).values_list("action", "owner")) == [
        ("The carers take her to school", "The carers")
    ]


def test_a_care_plan_is_refused_before_an_iro_is_allocated(authority: Authority) -> None:
    period = given_looked_after_child(authority.own_child, authority.social_worker, on=IN_CARE_FROM)
    with pytest.raises(RuleBroken) as refused:
        _agree(authority, period, date(2027, 2, 12))
    assert refused.value.problems == {
        "agreed_on": ["Allocate the child's IRO first: the care plan names them (reg 5(d))"]
    }
    assert CarePlan.objects.count() == 0


@pytest.mark.requirement("R-046")
def test_a_new_version_replaces_the_plan_in_force_and_carries_its_open_objectives(
    authority: Authority,
    period: PeriodOfCare,
) -> None:
    first = _agree(authority, period, date(2027, 2, 12))
    # without saying why Ava still needs care, the new version is refused
    with pytest.raises(RuleBroken) as refused:
        _agree(authority, period, date(2027, 2, 26), objectives=[])
    assert refused.value.problems == {"why_remains": ["Say why the child still needs to be looked after"]}
    second = _agree(
        authority,
        period,
        date(2027, 2, 26),
        details=CarePlanDetails(**{**PLAN.__dict__, "why_remains": "Her mother is still in hospital"}),
        objectives=[],
    )
    first.refresh_from_db()
    assert (first.replaced_on, care_plan_in_force(period.child)) == (date(2027, 2, 26), second)
    assert list(Objective.objects.filter(care_plan=second).values_list("action", flat=True)) == [
        "The carers take her to school"
    ]


def test_leaving_care_ends_the_plan_in_force(authority: Authority, period: PeriodOfCare) -> None:
    plan = _agree(authority, period, date(2027, 2, 12))
    end_period_of_care(period, ended_on=date(2027, 2, 27), reason_ceased="E13", by=authority.social_worker.user)
    plan.refresh_from_db()
    assert plan.replaced_on == date(2027, 2, 27)
    assert care_plan_in_force(period.child) is None


@pytest.mark.requirement("R-049")
def test_the_copy_given_to_the_child_cannot_predate_the_plan(authority: Authority, period: PeriodOfCare) -> None:
    plan = _agree(authority, period, date(2027, 2, 12))
    with pytest.raises(RuleBroken) as refused:
        record_care_plan_given_to_child(plan, given_on=date(2027, 2, 11), by=authority.social_worker.user)
    assert refused.value.problems == {
        "given_on": ["The copy (11 February 2027) cannot be given before the plan was agreed (12 February 2027)"]
    }
    record_care_plan_given_to_child(plan, given_on=date(2027, 2, 19), by=authority.social_worker.user)
    plan.refresh_from_db()
    assert plan.copy_given_to_child_on == date(2027, 2, 19)


@pytest.mark.requirement("R-058")
def test_a_permanence_meeting_whose_next_date_has_passed_shows_as_overdue(
    authority: Authority,
    period: PeriodOfCare,
) -> None:
    with pytest.raises(RuleBroken) as refused:
        hold_permanence_meeting(
            period,
            held_on=date(2027, 2, 10),
            chair=authority.social_worker,
            attendees="Priya, the fostering team",
            decisions="Assess the aunt",
            next_meeting_on=date(2027, 2, 10),
            by=authority.social_worker.user,
        )
    assert refused.value.problems == {
        "chair": ["The chair must be a manager or an independent reviewing officer still in post"],
        "next_meeting_on": ["The next meeting (10 February 2027) must be after this one (10 February 2027)"],
    }
    hold_permanence_meeting(
        period,
        held_on=date(2027, 2, 10),
        chair=authority.team_manager,
        attendees="Priya, the fostering team",
        decisions="Assess the aunt",
        next_meeting_on=date(2027, 2, 24),
        by=authority.social_worker.user,
    )
    summary = record_summary(period.child)
    assert (summary["meeting"].decisions, summary["meeting_overdue"]) == ("Assess the aunt", True)


def test_the_care_plan_page_keeps_what_was_typed_and_agrees_the_plan(
    authority: Authority,
    sign_in: SignIn,
    period: PeriodOfCare,
) -> None:
    client = sign_in(authority.social_worker)
    url = reverse("care_planning:agree", args=[period.pk])
    form = {
        **date_fields("agreed_on", date(2027, 2, 12)),
        "why_looked_after": "Her mother is in hospital",
        "permanence_plan": "return_home",
        "contingency": "",
        "family_time": "Saturdays at the hospital",
        "child_views": "Ava wants to go home",
        "objective_1_outcome": "Ava keeps her school place",
        "objective_1_action": "The carers take her to school",
        "objective_1_owner": "The carers",
        **date_fields("objective_1_target_date", date(2027, 7, 16)),
    }
    refused = client.post(url, form)
    assert refused.context["form"].errors == {
        "contingency": ["Say what happens if the plan for permanence cannot work"]
    }
    assert "Saturdays at the hospital" in refused.content.decode()
    done = client.post(url, form | {"contingency": "Her aunt is assessed"})
    plan = CarePlan.objects.get()
    assert done.url == reverse("care_planning:care_plan", args=[plan.pk])
    assert "Her aunt is assessed" in client.get(done.url).content.decode()


def test_a_worker_whose_scope_does_not_reach_the_child_gets_not_found(
    authority: Authority,
    sign_in: SignIn,
    period: PeriodOfCare,
) -> None:
    plan = _agree(authority, period, date(2027, 2, 12))
    client = sign_in(authority.south_worker)
    assert client.get(reverse("care_planning:agree", args=[period.pk])).status_code == 404
    assert client.get(reverse("care_planning:care_plan", args=[plan.pk])).status_code == 404
    assert client.get(reverse("care_planning:permanence_meeting", args=[period.pk])).status_code == 404


@pytest.mark.requirement("R-047")
@pytest.mark.requirement("R-050")
def test_the_childs_copy_downloads_as_a_tagged_pdf_in_words_for_them(
    authority: Authority, sign_in: SignIn, period: PeriodOfCare
) -> None:
    plan = _agree(authority, period, date(2027, 2, 12))
    response = sign_in(authority.social_worker).get(reverse("care_planning:child_copy_pdf", args=[plan.pk]))
    document = PdfReader(BytesIO(response.content))
    assert (response["Content-Type"], document.trailer["/Root"]["/MarkInfo"]["/Marked"]) == ("application/pdf", True)
    assert document.metadata is not None
    assert document.metadata.title == "Ava's care plan"
    text = " ".join(" ".join(page.extract_text() for page in document.pages).split())
    assert (
        "The plan is for you to go back to live with your family. We hope this will happen by 31 August 2027." in text
    )
    assert "If that cannot happen: Her aunt is assessed to care for her" in text
    assert "The carers take her to school" in text
    assert "Your independent reviewing officer is Irene Walsh." in text
    assert list(
        AccessLogEntry.objects.filter(person=period.child, what=AccessLogEntry.What.PRINT).values_list(
            "page", flat=True
        )
    ) == [reverse("care_planning:child_copy_pdf", args=[plan.pk])]


def test_every_plan_for_permanence_has_words_for_the_child() -> None:
    assert set(PERMANENCE_FOR_THE_CHILD) == set(PermanencePlan)


def test_a_care_plan_left_half_typed_is_restored_and_gone_once_agreed(
    authority: Authority, sign_in: SignIn, period: PeriodOfCare
) -> None:
    form_key = f"care_planning.care_plan:{period.pk}"
    save_draft(authority.social_worker.user, form_key, {"why_looked_after": "Her mother is in hospital"})
    client = sign_in(authority.social_worker)
    page = client.get(reverse("care_planning:agree", args=[period.pk])).content.decode()
    assert "It has been restored." in page
    assert "Her mother is in hospital" in page
    _agree(authority, period, date(2027, 2, 12))
    # the draft is the worker's own; agreeing through the page discards it
    client.post(
        reverse("care_planning:agree", args=[period.pk]),
        {
            **date_fields("agreed_on", date(2027, 2, 20)),
            "why_looked_after": "Her mother is in hospital",
            "why_remains": "Still in hospital",
            "permanence_plan": "return_home",
            "contingency": "Her aunt",
            "family_time": "Saturdays",
            "child_views": "Wants to go home",
        },
    )
    assert draft_for(authority.social_worker.user, form_key) is None


@pytest.mark.requirement("R-059")
def test_contact_with_brothers_and_sisters_says_whether_it_was_assessed(
    authority: Authority, period: PeriodOfCare
) -> None:
    with_siblings = CarePlanDetails(**{**PLAN.__dict__, "sibling_contact": "Video calls with her brother weekly"})
    with pytest.raises(RuleBroken) as refused:
        _agree(authority, period, date(2027, 2, 12), details=with_siblings)
    assert refused.value.problems == {
        "sibling_contact_assessed": ["Say whether contact with brothers and sisters was assessed"]
    }
    assessed = CarePlanDetails(**{**with_siblings.__dict__, "sibling_contact_assessed": True})
    plan = _agree(authority, period, date(2027, 2, 12), details=assessed)
    assert (plan.sibling_contact, plan.sibling_contact_assessed) == ("Video calls with her brother weekly", True)
