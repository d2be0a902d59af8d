"""Forms for allocating children and filtering caseloads. They parse input; actions decide."""

from __future__ import annotations

from typing import Any

from django import forms

from kith.platform.ui.forms import GovukDateField
from kith.workforce.models import StaffMember, Team


class TeamChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.name


class WorkerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        role = obj.get_role_display()
        return f"{obj.full_name} ({role}, {obj.team.name})"


class AllocateForm(forms.Form):
    """Allocate a child to one of the teams the manager may see, and usually a named worker."""

    team = TeamChoiceField(
        label="Team",
        queryset=Team.objects.none(),
        empty_label="Select a team",
        error_messages={
            "required": "Select the team that will hold the child",
            "invalid_choice": "Select a team from the list",
        },
    )
    worker = WorkerChoiceField(
        label="Worker",
        help_text="The worker must be a member of the team. Leave as no named worker to hold the child in the team's unallocated list.",
        queryset=StaffMember.objects.none(),
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

    def __init__(self, *args: Any, teams: list[Team], workers: list[StaffMember], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        team_field = self.fields["team"]
        worker_field = self.fields["worker"]
        assert isinstance(team_field, forms.ModelChoiceField)
        assert isinstance(worker_field, forms.ModelChoiceField)
        team_field.queryset = Team.objects.filter(pk__in=[team.pk for team in teams]).order_by("path")
        worker_field.queryset = (
            StaffMember.objects.filter(pk__in=[worker.pk for worker in workers])
            .select_related("team")
            .order_by("team__name", "full_name")
        )


class TeamFilterForm(forms.Form):
    """``?team=<id>`` on the team caseload: only teams the user may see are choices."""

    team = TeamChoiceField(
        label="Team",
        queryset=Team.objects.none(),
        required=False,
        empty_label="All my teams",
        error_messages={"invalid_choice": "Select a team from the list"},
    )

    def __init__(self, *args: Any, teams: list[Team], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        team_field = self.fields["team"]
        assert isinstance(team_field, forms.ModelChoiceField)
        team_field.queryset = Team.objects.filter(pk__in=[team.pk for team in teams]).order_by("path")
