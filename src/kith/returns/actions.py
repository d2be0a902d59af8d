"""Generating a statutory return and checking it with the sector's validator: the only writers of runs.

Both run within the request for now: a return is a read of the records (seconds for a council's
year, ARCHITECTURE budget 30 s) and the validator a separate program (a few seconds).
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import TYPE_CHECKING

from kith.people.access import staff_of
from kith.people.models import Person
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.rules import RuleBroken, refuse_if, require
from kith.returns import events, kinds
from kith.returns.access import can_produce_returns
from kith.returns.models import ReturnRun, ReturnValidation, Severity, ValidationIssue
from kith.returns.queries import how_many
from kith.returns.validators import Issue
from kith.returns.years import SUPPORTED, collection_year

if TYPE_CHECKING:
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember

# The validators' own word for a rule that crashed (run_903.py, run_cin.py).
RULE_FAILED_TO_RUN = "The rule failed to run"
# Both returns name the child by the Kith ID (CHILD, LAchildID): K and the record's number.
KITH_ID = re.compile(r"^K(\d{1,12})$")


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # producing returns needs an active staff record
    return staff


@action
def generate_return(kind: str, *, year: int | None = None, as_at: date | None = None, by: User) -> ReturnRun:
    """Generate ``kind`` and keep the file as a new run: for the collection year ending 31 March ``year``
    (the SSDA903, the CIN census), or as at the day ``as_at`` for a return that asks for one."""
    require(can_produce_returns(by))
    found = kinds.get(kind)
    problems: dict[str, list[str]] = {}
    if found is None:
        problems["kind"] = ["Choose a return"]
    elif found.period is kinds.Period.DAY:
        if as_at is None:
            problems["as_at"] = [f"Enter the date the {found.title} is as at"]
        elif as_at > clock.today():
            problems["as_at"] = [f"The date the {found.title} is as at must be today or in the past"]
    if (found is None or found.period is kinds.Period.YEAR) and year not in SUPPORTED:
        years = ", ".join(f"{known - 1} to {known}" for known in SUPPORTED)
        problems["year"] = [f"Choose a collection year Kith holds: {years}"]
    refuse_if(problems)
    assert found is not None  # refused above
    if found.period is kinds.Period.YEAR:
        assert year is not None  # refused above
        as_at = collection_year(year).end
    else:
        year = None
    assert as_at is not None  # refused above
    built = found.build(as_at)
    run = ReturnRun.objects.create(
        kind=found.code,
        as_at=as_at,
        collection_year=year,
        generated_by=_staff(by),
        generated_at=clock.now(),
        file_name=built.file_name,
        content_type=found.content_type,
        content=built.content,
        checksum=hashlib.sha256(built.content).hexdigest(),
        size=len(built.content),
        children=built.children,
        rows=built.rows,
        notes="\n".join(built.notes),
    )
    events.record_activity(
        events.RETURN_GENERATED,
        run=run,
        by=by,
        summary=f"{found.title}, {run.period_label}: {how_many(built.children, 'child', 'children')}, "
        f"{built.rows} {found.rows_are}",
    )
    return run


def _severity(issue: Issue) -> str:
    if issue.message == RULE_FAILED_TO_RUN:
        return Severity.NOT_RUN
    if issue.cannot_be_met:
        return Severity.CANNOT_BE_MET
    return Severity.QUERY if issue.rule.upper().endswith("Q") else Severity.ERROR


@action
def validate_return(run: ReturnRun, *, by: User) -> ReturnValidation:
    """Run the sector's validator over the run's file and keep every issue it finds.

    Raises ``ValidatorMissing`` when the validator is not installed, and nothing is recorded.
    """
    require(can_produce_returns(by))
    found = kinds.get(run.kind)
    if found is None or found.validate is None:
        raise RuleBroken({"run": [f"Kith holds no sector validator for {kinds.title_of(run.kind)}"]})
    content = bytes(ReturnRun.objects.values_list("content", flat=True).get(pk=run.pk))
    issues = found.validate(content, run.as_at)
    severities = [_severity(issue) for issue in issues]
    validation = ReturnValidation.objects.create(
        run=run,
        validated_by=_staff(by),
        validated_at=clock.now(),
        ruleset=found.ruleset(run.as_at),
        errors=severities.count(Severity.ERROR),
        queries=severities.count(Severity.QUERY),
        not_run=severities.count(Severity.NOT_RUN),
        cannot_be_met=severities.count(Severity.CANNOT_BE_MET),
    )
    # The return's child IDs name Kith records (K0000123 is record 123); an ID naming none keeps the ID alone.
    named = {
        issue.child.strip(): int(match.group(1)) for issue in issues if (match := KITH_ID.match(issue.child.strip()))
    }
    existing = set(Person.objects.filter(pk__in=set(named.values())).values_list("pk", flat=True))
    ValidationIssue.objects.bulk_create(
        ValidationIssue(
            validation=validation,
            rule=issue.rule[:60],
            severity=severity,
            child_in_return=issue.child.strip()[:40],
            person_id=named.get(issue.child.strip()) if named.get(issue.child.strip()) in existing else None,
            table=issue.table[:200],
            message=issue.message,
            explanation=issue.cannot_be_met,
        )
        for issue, severity in zip(issues, severities, strict=True)
    )
    events.record_activity(
        events.RETURN_VALIDATED,
        run=run,
        by=by,
        summary=f"{found.title}, {run.period_label}, checked with {validation.ruleset}: "
        f"{validation.errors} error{'s' if validation.errors != 1 else ''}, "
        f"{validation.queries} quer{'ies' if validation.queries != 1 else 'y'}"
        + (f", {validation.cannot_be_met} no record can meet" if validation.cannot_be_met else ""),
    )
    return validation
