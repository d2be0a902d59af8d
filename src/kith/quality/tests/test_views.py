"""Recording a management decision from the child's record (R-076, R-077)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from time_machine import TimeMachineFixture

from kith.platform import clock
from kith.platform.chronology.queries import chronology_of
from kith.platform.drafts.store import draft_for
from kith.quality.models import DecisionKind, ManagementDecision
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

LONDON = ZoneInfo("Europe/London")


def _decision(**overrides: object) -> dict[str, object]:
    return {
        "kind": DecisionKind.CASE_DIRECTION,
        "decision": "Proceed to a child and family assessment",
        "rationale": "School reports three unexplained absences and Ava says she is hungry at home",
        "next_steps": "Home visit within 5 working days",
        **date_fields("decided_on", clock.today() - timedelta(days=1)),
        **overrides,
    }


@pytest.mark.requirement("R-076")
@pytest.mark.requirement("R-077")
def test_a_managers_decision_is_a_key_event_in_the_chronology_with_the_managers_name(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    child = authority.own_child
    client = sign_in(authority.team_manager)
    # when
    client.post(reverse("quality:record_decision", args=[child.pk]), _decision())
    # then
    key_events = [
        (event.event_type, event.occurred_on, event.summary, event.recorded_by)
        for event in chronology_of(child, key_only=True, event_types=["quality.management_decision_recorded"])
    ]
    assert key_events == [
        (
            "quality.management_decision_recorded",
            clock.today() - timedelta(days=1),
            "Case direction by Tom Hughes: Proceed to a child and family assessment",
            authority.team_manager.user,
        )
    ]


@pytest.mark.requirement("R-076")
@pytest.mark.requirement("R-077")
def test_the_decision_is_kept_on_the_childs_record_with_rationale_and_decision_maker(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    child = authority.own_child
    client = sign_in(authority.team_manager)
    # when
    response = client.post(reverse("quality:record_decision", args=[child.pk]), _decision())
    # then
    assert response.status_code == 302
    assert response["Location"] == reverse("people:record", args=[child.pk])
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Case direction recorded on Ava Thompson's record"
    ]
    assert list(
        child.management_decisions.values_list(
            "kind", "decision", "rationale", "next_steps", "decided_on", "decided_by__full_name"
        )
    ) == [
        (
            "case_direction",
            "Proceed to a child and family assessment",
            "School reports three unexplained absences and Ava says she is hungry at home",
            "Home visit within 5 working days",
            clock.today() - timedelta(days=1),
            "Tom Hughes",
        )
    ]


@pytest.mark.requirement("R-076")
def test_the_form_offers_every_kind_of_decision_and_defaults_to_today(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.team_manager)
    # when
    response = client.get(reverse("quality:record_decision", args=[authority.own_child.pk]))
    # then
    form = response.context["form"]
    assert response.status_code == 200
    assert list(form.fields["kind"].choices) == list(DecisionKind.choices)
    assert form["decided_on"].value() == clock.today()
    assert 'type="radio"' in response.content.decode()


@pytest.mark.requirement("R-076")
def test_earlier_decisions_are_listed_beside_the_form(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.team_manager)
    client.post(
        reverse("quality:record_decision", args=[authority.own_child.pk]), _decision(decision="Step down to early help")
    )
    # when
    response = client.get(reverse("quality:record_decision", args=[authority.own_child.pk]))
    # then
    assert [(made.decision, made.decided_by.full_name) for made in response.context["recent"]] == [
        ("Step down to early help", "Tom Hughes")
    ]


def test_missing_and_wrong_answers_are_explained_kept_and_nothing_is_recorded(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    client = sign_in(authority.team_manager)
    events_before = chronology_of(authority.own_child).count()
    tomorrow = clock.today() + timedelta(days=1)
    # when
    response = client.post(
        reverse("quality:record_decision", args=[authority.own_child.pk]),
        _decision(kind="", rationale="", decision="Keep open", **date_fields("decided_on", tomorrow)),
    )
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "kind": ["Select what kind of decision this is"],
        "rationale": ["Enter the reasons for the decision"],
        "decided_on": ["Date of the decision must be today or in the past"],
    }
    assert '<h2 class="govuk-error-summary__title">There is a problem</h2>' in html
    assert "Keep open</textarea>" in html
    assert ManagementDecision.objects.count() == 0
    assert chronology_of(authority.own_child).count() == events_before


def test_a_rationale_of_only_spaces_is_refused_by_the_action_and_shown_on_the_field(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    client = sign_in(authority.team_manager)
    # when
    response = client.post(
        reverse("quality:record_decision", args=[authority.own_child.pk]), _decision(rationale="   ")
    )
    # then
    assert response.context["form"].errors == {"rationale": ["Enter the reasons for the decision"]}
    assert ManagementDecision.objects.count() == 0


# -- drafts: what the manager types is kept until the decision is recorded (kith.platform.drafts) --


def test_the_form_is_saved_as_a_draft_while_the_manager_types(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.team_manager)
    # when
    html = client.get(reverse("quality:record_decision", args=[authority.own_child.pk])).content.decode()
    # then
    form_key = f"quality.management_decision:{authority.own_child.pk}"
    assert (
        f'<form method="post" novalidate data-kith-draft="{form_key}" data-kith-draft-url="/drafts/{form_key}/">'
        in html
    )
    assert f'data-kith-draft-status="{form_key}" hidden>' in html


def test_the_managers_draft_is_restored_with_a_notice_and_no_errors_yet(
    authority: Authority, sign_in: SignIn, time_machine: TimeMachineFixture
) -> None:
    # given a half-written decision the manager left at 10:42
    time_machine.move_to(datetime.combine(clock.today(), time(10, 42), tzinfo=LONDON), tick=False)
    client = sign_in(authority.team_manager)
    url = reverse("quality:record_decision", args=[authority.own_child.pk])
    client.post(
        f"/drafts/quality.management_decision:{authority.own_child.pk}/",
        {"kind": DecisionKind.CASE_DIRECTION, "decision": "Proceed to a child and family assessment", "rationale": ""},
    )
    # when they come back to the form a little later
    time_machine.move_to(datetime.combine(clock.today(), time(11, 5), tzinfo=LONDON), tick=False)
    response = client.get(url)
    # then what they typed is there, with a notice and no "There is a problem"
    html = response.content.decode()
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "You have an unsaved draft from 10:42am today. It has been restored."
    ]
    assert "You have an unsaved draft from 10:42am today. It has been restored." in html
    assert "Proceed to a child and family assessment</textarea>" in html
    assert response.context["form"]["kind"].value() == "case_direction"
    assert response.context["form"].errors == {}
    assert "There is a problem" not in html


def test_recording_the_decision_discards_the_draft(authority: Authority, sign_in: SignIn) -> None:
    # given a draft of the decision
    client = sign_in(authority.team_manager)
    form_key = f"quality.management_decision:{authority.own_child.pk}"
    client.post(f"/drafts/{form_key}/", {"decision": "Proceed"})
    # when the decision is recorded
    client.post(reverse("quality:record_decision", args=[authority.own_child.pk]), _decision())
    # then the draft is gone, and the form is empty again
    response = client.get(reverse("quality:record_decision", args=[authority.own_child.pk]))
    assert draft_for(authority.team_manager.user, form_key) is None
    assert response.context["form"].is_bound is False


def test_a_decision_with_problems_keeps_the_draft(authority: Authority, sign_in: SignIn) -> None:
    # given a draft of the decision
    client = sign_in(authority.team_manager)
    form_key = f"quality.management_decision:{authority.own_child.pk}"
    client.post(f"/drafts/{form_key}/", {"decision": "Proceed"})
    # when the manager submits it without reasons
    client.post(reverse("quality:record_decision", args=[authority.own_child.pk]), _decision(rationale=""))
    # then the draft is kept, and nothing is recorded
    draft = draft_for(authority.team_manager.user, form_key)
    assert draft is not None
    assert dict(draft.lists()) == {"decision": ["Proceed"]}
    assert ManagementDecision.objects.count() == 0
