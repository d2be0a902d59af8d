"""Scenario verbs for the statutory returns: generating one, and checking it with the sector's validator.

``generate_return`` names the return (``ssda903``, ``cin_census``) and the collection year (the year it
ends, 31 March); the run is kept under the step's ``as:`` key, which ``validate_return`` names as ``run``.
"""

from __future__ import annotations

from datetime import date

from kith.returns.actions import generate_return, validate_return
from kith.returns.models import ReturnRun, ReturnValidation
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, verb
from kith.workforce.models import StaffMember


@verb("generate_return")
def _generate(replay: Replay, step: Step, by: StaffMember, on: date) -> ReturnRun:
    values = step.get("with", {})
    return generate_return(str(values["return"]), year=int(values["year"]), by=by.user)


@verb("validate_return")
def _validate(replay: Replay, step: Step, by: StaffMember, on: date) -> ReturnValidation:
    run = replay.record(step["run"])
    if not isinstance(run, ReturnRun):
        raise ScenarioError(f"{step['run']!r} is not a generated return")
    return validate_return(run, by=by.user)
