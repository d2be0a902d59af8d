"""Downloading a person's whole record as one JSON file, logged as an export."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpResponse

from kith.people.access import can_export_record, get_person_for_user_or_404
from kith.people.models import Person
from kith.people.queries import relationships_of
from kith.platform import clock
from kith.platform.access.models import AccessLogEntry
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.chronology import registry
from kith.platform.chronology.queries import chronology_of
from kith.workforce.queries import allocation_history


def export_record(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Everything Kith holds on the person, for a court bundle, a transfer or a records request.

    Third parties named in the record are not redacted here: a subject-access disclosure
    needs that review before anything leaves the council.
    """
    person = get_person_for_user_or_404(
        request.user, pk, page=request.path, what=AccessLogEntry.What.EXPORT, allowed=can_export_record
    )
    document = {
        "exported": {
            "at": clock.now().isoformat(),
            "by": _name_of(request.user),
            "classification": "OFFICIAL-SENSITIVE",
        },
        "person": _identity(person),
        "other_names": [
            {"kind": name.kind, "given_name": name.given_name, "family_name": name.family_name}
            for name in person.other_names.all()
        ],
        "disabilities": list(person.disabilities.values_list("code", flat=True)),
        "warnings": [
            {"kind": warning.get_kind_display(), "details": warning.details, "added_on": _date(warning.added_on)}
            for warning in person.warnings.filter(removed_on__isnull=True)
        ],
        "addresses": [
            {
                "address": str(residence.address),
                "moved_in_on": _date(residence.moved_in_on),
                "moved_out_on": _date(residence.moved_out_on),
            }
            for residence in person.residences.select_related("address")
        ],
        "relationships": [
            {
                "kith_id": relationship.other_than(person).kith_id,
                "name": relationship.other_than(person).full_name,
                "relationship": relationship.title_from(person),
                # Parental responsibility is held by the relationship's first person (the parent).
                "other_has_parental_responsibility": relationship.has_parental_responsibility
                and relationship.person_id != person.pk,
                "started_on": _date(relationship.started_on),
                "ended_on": _date(relationship.ended_on),
            }
            for relationship in relationships_of(person)
        ],
        "professionals": [
            {
                "name": involvement.professional.name,
                "role": involvement.professional.get_role_display(),
                "organisation": involvement.professional.organisation,
                "from": _date(involvement.started_on),
                "to": _date(involvement.ended_on),
            }
            for involvement in person.professional_involvements.select_related("professional")
        ],
        "allocations": [
            {
                "team": allocation.team.name,
                "worker": allocation.worker.full_name if allocation.worker else None,
                "from": _date(allocation.started_on),
                "to": _date(allocation.ended_on),
                "decided_by": allocation.decided_by.full_name,
                "reason": allocation.reason,
            }
            for allocation in allocation_history(person)
        ],
        "management_decisions": [
            {
                "kind": decision.get_kind_display(),
                "decided_on": _date(decision.decided_on),
                "decided_by": decision.decided_by.full_name,
                "decision": decision.decision,
                "rationale": decision.rationale,
                "next_steps": decision.next_steps,
            }
            for decision in person.management_decisions.select_related("decided_by")
        ],
        "chronology": [
            {
                "occurred_on": _date(event.occurred_on),
                "recorded_at": event.recorded_at.isoformat(),
                "recorded_by": _name_of(event.recorded_by),
                "type": _title(event.event_type),
                "key_event": event.significance == "key",
                "summary": event.summary,
            }
            for event in chronology_of(person)
        ],
    }
    body = json.dumps(document, indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"kith-record-{person.kith_id}-{clock.today():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _identity(person: Person) -> dict[str, Any]:
    return {
        "kith_id": person.kith_id,
        "kind": person.kind,
        "given_name": person.given_name,
        "middle_names": person.middle_names,
        "family_name": person.family_name,
        "preferred_name": person.preferred_name,
        "date_of_birth": _date(person.date_of_birth),
        "expected_date_of_birth": _date(person.expected_date_of_birth),
        "date_of_death": _date(person.date_of_death),
        "sex": person.sex,
        "gender_identity": person.get_gender_identity_display(),
        "ethnicity": person.ethnicity,
        "religion": person.get_religion_display(),
        "first_language": person.first_language,
        "interpreter_needed": person.interpreter_needed,
        "community": person.community,
        "unaccompanied_asylum_seeking_child": person.is_uasc,
        "immigration_status": person.get_immigration_status_display(),
        "nhs_number": person.nhs_number,
        "upn": person.upn,
        "former_upn": person.former_upn,
        "restricted": person.is_restricted,
        "restriction_reason": person.restriction_reason,
    }


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _name_of(user: Any) -> str:
    staff = getattr(user, "staff_member", None)
    return staff.full_name if staff is not None else user.get_username()


def _title(code: str) -> str:
    try:
        return registry.get(code).title
    except registry.UnknownEventType:
        return code
