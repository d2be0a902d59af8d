"""The roles people hold in a children's services department, and what each may do.

The map is code, not data in the admin: changing what a role can do changes who
can read children's records, so it is reviewed and tested like any other rule.
"""

from __future__ import annotations

from enum import StrEnum

from django.db import models

from kith.platform.access.capabilities import Capability


class Role(models.TextChoices):
    SOCIAL_WORKER = "social_worker", "Social worker"
    SENIOR_PRACTITIONER = "senior_practitioner", "Senior practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"
    SERVICE_MANAGER = "service_manager", "Service manager"
    HEAD_OF_SERVICE = "head_of_service", "Head of service"
    FRONT_DOOR_SCREENER = "front_door_screener", "Front door screener"
    IRO = "iro", "Independent reviewing officer / conference chair"
    PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
    BUSINESS_SUPPORT = "business_support", "Business support"
    PERFORMANCE_ANALYST = "performance_analyst", "Performance analyst"
    QA_AUDITOR = "qa_auditor", "Quality assurance auditor"
    LADO = "lado", "Local authority designated officer (LADO)"
    SYSTEM_ADMINISTRATOR = "system_administrator", "System administrator"


class Scope(StrEnum):
    """Which children's records a role reaches (resolved in ``kith.people.access``)."""

    # Children allocated to me, and children held by my own team.
    CASELOAD_AND_TEAM = "caseload_and_team"
    # Children held by my team or any team beneath it in the hierarchy.
    TEAM_HIERARCHY = "team_hierarchy"
    # Every child: the front door must check history for any child who is referred;
    # IROs chair for children across teams; analysts and auditors sample the whole service.
    WHOLE_SERVICE = "whole_service"
    # No child's record (system administrators manage accounts, not cases).
    NONE = "none"


_PRACTITIONER = frozenset(
    {
        Capability.VIEW_CHILD_RECORD,
        Capability.SEARCH_PEOPLE,
        Capability.RECORD_CASE_WORK,
        Capability.ADD_PERSON,
        Capability.VIEW_CASELOAD,
    }
)
_MANAGER = _PRACTITIONER | {
    Capability.ALLOCATE_CASE,
    Capability.RECORD_MANAGEMENT_DECISION,
    Capability.VIEW_TEAM_CASELOAD,
    Capability.GRANT_RESTRICTED_ACCESS,
    Capability.EXPORT_CHILD_RECORD,
    Capability.VIEW_ACCESS_LOG,
    Capability.PRODUCE_RETURNS,
}

ROLE_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.SOCIAL_WORKER: _PRACTITIONER | {Capability.EXPORT_CHILD_RECORD},
    Role.SENIOR_PRACTITIONER: _PRACTITIONER | {Capability.EXPORT_CHILD_RECORD, Capability.VIEW_TEAM_CASELOAD},
    Role.TEAM_MANAGER: _MANAGER,
    Role.SERVICE_MANAGER: _MANAGER | {Capability.MANAGE_INSPECTION_READINESS},
    Role.HEAD_OF_SERVICE: _MANAGER | {Capability.MANAGE_INSPECTION_READINESS},
    Role.FRONT_DOOR_SCREENER: _PRACTITIONER,
    Role.IRO: frozenset(
        {Capability.VIEW_CHILD_RECORD, Capability.SEARCH_PEOPLE, Capability.RECORD_CASE_WORK, Capability.VIEW_CASELOAD}
    ),
    Role.PERSONAL_ADVISER: _PRACTITIONER,
    Role.BUSINESS_SUPPORT: frozenset({Capability.VIEW_CHILD_RECORD, Capability.SEARCH_PEOPLE, Capability.ADD_PERSON}),
    Role.PERFORMANCE_ANALYST: frozenset(
        {
            Capability.VIEW_CHILD_RECORD,
            Capability.SEARCH_PEOPLE,
            Capability.VIEW_TEAM_CASELOAD,
            Capability.PRODUCE_RETURNS,
        }
    ),
    Role.QA_AUDITOR: frozenset(
        {
            Capability.VIEW_CHILD_RECORD,
            Capability.SEARCH_PEOPLE,
            Capability.EXPORT_CHILD_RECORD,
            Capability.VIEW_ACCESS_LOG,
            Capability.MANAGE_INSPECTION_READINESS,
        }
    ),
    Role.LADO: frozenset(
        {
            Capability.VIEW_CHILD_RECORD,
            Capability.SEARCH_PEOPLE,
            Capability.RECORD_CASE_WORK,
            Capability.RECORD_LADO_ALLEGATION,
        }
    ),
    Role.SYSTEM_ADMINISTRATOR: frozenset({Capability.ADMINISTER_ACCOUNTS}),
}

ROLE_SCOPE: dict[Role, Scope] = {
    Role.SOCIAL_WORKER: Scope.CASELOAD_AND_TEAM,
    Role.SENIOR_PRACTITIONER: Scope.CASELOAD_AND_TEAM,
    Role.PERSONAL_ADVISER: Scope.CASELOAD_AND_TEAM,
    Role.BUSINESS_SUPPORT: Scope.CASELOAD_AND_TEAM,
    Role.TEAM_MANAGER: Scope.TEAM_HIERARCHY,
    Role.SERVICE_MANAGER: Scope.TEAM_HIERARCHY,
    Role.HEAD_OF_SERVICE: Scope.TEAM_HIERARCHY,
    Role.FRONT_DOOR_SCREENER: Scope.WHOLE_SERVICE,
    Role.IRO: Scope.WHOLE_SERVICE,
    Role.PERFORMANCE_ANALYST: Scope.WHOLE_SERVICE,
    Role.QA_AUDITOR: Scope.WHOLE_SERVICE,
    Role.LADO: Scope.WHOLE_SERVICE,
    Role.SYSTEM_ADMINISTRATOR: Scope.NONE,
}

MANAGER_ROLES = frozenset({Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE})


def capabilities_of(role: str) -> frozenset[Capability]:
    return ROLE_CAPABILITIES.get(Role(role), frozenset()) if role in Role.values else frozenset()


def scope_of(role: str) -> Scope:
    return ROLE_SCOPE[Role(role)] if role in Role.values else Scope.NONE
