"""The scenario vocabulary: one verb per action, and what a replay has made so far.

Each area adds its verbs in ``kith/synthetic/steps/<area>.py`` with ``@verb("action_name")``;
``kith.synthetic.scenarios`` imports them all. An architecture test fails when an action
has no verb, so the vocabulary can never fall behind what users can record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kith.people.models import Person
from kith.workforce.models import StaffMember, Team


class ScenarioError(ValueError):
    """The scenario cannot be replayed; the message names the step and the reason."""


@dataclass
class Replay:
    """What a replay has made so far, by the keys the scenario gives them (``as: key``)."""

    teams: dict[str, Team] = field(default_factory=dict)
    staff: dict[str, StaffMember] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    # Contacts, referrals, plans, conferences…: anything else a step made and named.
    records: dict[str, Any] = field(default_factory=dict)

    def team(self, key: str) -> Team:
        return _look_up(self.teams, key, "team")

    def member(self, key: str) -> StaffMember:
        return _look_up(self.staff, key, "member of staff")

    def person(self, key: str) -> Person:
        return _look_up(self.people, key, "person")

    def record(self, key: str) -> Any:
        return _look_up(self.records, key, "record")

    def keep(self, key: str, made: Any) -> None:
        if isinstance(made, Person):
            self.people[key] = made
        else:
            self.records[key] = made


def _look_up(found: dict[str, Any], key: str, what: str) -> Any:
    try:
        return found[key]
    except KeyError as missing:
        raise ScenarioError(f"No {what} called {key!r} has been set up by this point") from missing


Step = dict[str, Any]
Verb = Callable[[Replay, Step, StaffMember, date], Any]

VOCABULARY: dict[str, Verb] = {}


def verb(name: str) -> Callable[[Verb], Verb]:
    """Add an action to the scenario vocabulary (every new action joins it)."""

    def register(function: Verb) -> Verb:
        VOCABULARY[name] = function
        return function

    return register


def as_date(raw: Any, name: str) -> date:
    """A date given in a step (``2027-01-20``), with a clear message when it is not one."""
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw))
    except ValueError as problem:
        raise ScenarioError(f"`{name}` must be a date like 2027-01-20") from problem
