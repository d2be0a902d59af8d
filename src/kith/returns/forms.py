"""Forms for the returns page and the data-quality filters. They parse input; actions decide."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from kith.platform.ui.forms import GovukDateField
from kith.returns import kinds
from kith.returns.years import SUPPORTED
from kith.workforce.forms import ObjectChoiceField
from kith.workforce.models import StaffMember, Team


def year_choices() -> list[tuple[str, str]]:
    """The collection years Kith holds, newest first, as they are spoken of: 2026 is "2025 to 2026"."""
    return [
        (str(year), f"{year - 1} to {year} (1 April {year - 1} to 31 March {year})") for year in reversed(SUPPORTED)
    ]


class GenerateForm(forms.Form):
    """The return and its period. Which period a return needs (a collection year, or a day) is the action's to
    check, so a return as at a day (Annex A) asks for the date only when one is registered."""

    kind = forms.ChoiceField(
        label="Return",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a return", "invalid_choice": "Choose a return from the list"},
    )
    year = forms.TypedChoiceField(
        label="Collection year",
        help_text="For the SSDA903 and the CIN census.",
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose a collection year Kith holds"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind_field = self.fields["kind"]
        year_field = self.fields["year"]
        assert isinstance(kind_field, forms.ChoiceField)
        assert isinstance(year_field, forms.ChoiceField)
        kind_field.choices = [(kind.code, kind.title) for kind in kinds.all_kinds()]
        year_field.choices = year_choices()
        by_day = [kind.title for kind in kinds.all_kinds() if kind.period is kinds.Period.DAY]
        if by_day:
            self.fields["as_at"] = GovukDateField(
                label="As at",
                help_text=f"For the {' and the '.join(by_day)}: the day it is as at.",
                error_label="the date the return is as at",
                not_in_future=True,
                required=False,
            )


class DataQualityFilterForm(forms.Form):
    """``?team=<id>&worker=<id>``: only the teams and workers holding children in the user's scope are choices."""

    team = ObjectChoiceField(
        label="Team",
        required=False,
        empty_label="All teams",
        error_messages={"invalid_choice": "Select a team from the list"},
    )
    worker = ObjectChoiceField(
        label="Worker",
        required=False,
        empty_label="All workers",
        error_messages={"invalid_choice": "Select a worker from the list"},
    )

    def __init__(self, *args: Any, teams: Sequence[Team], workers: Sequence[StaffMember], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        team_field = self.fields["team"]
        worker_field = self.fields["worker"]
        assert isinstance(team_field, ObjectChoiceField)
        assert isinstance(worker_field, ObjectChoiceField)
        ordered_teams = sorted(teams, key=lambda team: team.path)
        ordered_workers = sorted(workers, key=lambda worker: worker.full_name)
        team_field.offer(ordered_teams, lambda team: team.name)
        worker_field.offer(ordered_workers, lambda worker: f"{worker.full_name} ({worker.team.name})")
