"""Forms for allocating children and filtering caseloads. They parse input; actions decide."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django import forms
from django.db.models import Model

from kith.platform.ui.forms import GovukDateField
from kith.workforce.models import StaffMember, Team


class ObjectChoiceField(forms.ChoiceField):
    """A select over records the view has already fetched through an access function.

    The choices are exactly those records, so a posted id outside them (another team's
    worker, a team the manager may not see) is refused as "not one of the choices", and
    no second query is made to build the options. ``clean`` returns the record, or None.
    """

    def __init__(self, *, empty_label: str, **kwargs: Any) -> None:
        super().__init__(choices=(), **kwargs)
        self.empty_label = empty_label
        self.records: dict[str, Model] = {}

    def offer(self, records: Sequence[Model], label: Callable[[Any], str]) -> None:
        self.records = {str(record.pk): record for record in records}
        self.choices = [("", self.empty_label), *((str(record.pk), label(record)) for record in records)]

    def clean(self, value: Any) -> Model | None:
        key = super().clean(value)
        return self.records.get(key) if key else None


def _by_place_in_hierarchy(teams: Sequence[Team]) -> list[Team]:
    return sorted(teams, key=lambda team: team.path)


def _team_label(team: Team) -> str:
    return team.name


def _worker_label(worker: StaffMember) -> str:
    return f"{worker.full_name} ({worker.get_role_display()}, {worker.team.name})"


class AllocateForm(forms.Form):
    """Allocate a child to one of the teams the manager may see, and usually a named worker."""

    team = ObjectChoiceField(
        label="Team",
        empty_label="Select a team",
        error_messages={
            "required": "Select the team that will hold the child",
            "invalid_choice": "Select a team from the list",
        },
    )
    worker = ObjectChoiceField(
        label="Worker",
        help_text=(
            "The worker must be a member of the team. "
            "Leave as no named worker to hold the child in the team's unallocated list."
        ),
        required=False,
        empty_label="No named worker yet",
        error_messages={"invalid_choice": "Select a worker from the list"},
    )
    started_on = GovukDateField(label="Date of allocation", not_in_future=True)
    reason = forms.CharField(
        label="Reason for this allocation",
        help_text="For example, the assessment recommends a child in need plan and this worker knows the family.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": "Enter the reason for this allocation"},
    )

    def __init__(self, *args: Any, teams: Sequence[Team], workers: Sequence[StaffMember], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        team_field = self.fields["team"]
        worker_field = self.fields["worker"]
        assert isinstance(team_field, ObjectChoiceField)
        assert isinstance(worker_field, ObjectChoiceField)
        team_field.offer(_by_place_in_hierarchy(teams), _team_label)
        worker_field.offer(workers, _worker_label)


class TeamFilterForm(forms.Form):
    """``?team=<id>`` on the team caseload: only teams the user may see are choices."""

    team = ObjectChoiceField(
        label="Team",
        required=False,
        empty_label="All my teams",
        error_messages={"invalid_choice": "Select a team from the list"},
    )

    def __init__(self, *args: Any, teams: Sequence[Team], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        team_field = self.fields["team"]
        assert isinstance(team_field, ObjectChoiceField)
        team_field.offer(_by_place_in_hierarchy(teams), _team_label)
