"""Recording a management decision from the child's record (R-076, R-077)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from kith.platform import clock
from kith.platform.chronology.queries import chronology_of
from kith.quality.models import DecisionKind, ManagementDecision
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


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
