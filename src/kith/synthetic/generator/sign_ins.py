"""Demo sign-ins on a generated authority: one for each role, each a member of staff with real work.

The generator's staff cannot sign in. For the demo, ``open_demo_sign_ins`` chooses, for each role,
the member of staff whose work shows the most (the safeguarding social worker with the largest
caseload, that team's manager and senior practitioner, the busiest IRO and personal adviser...) and
gives them the demo usernames, so signing in as ``social.worker`` opens a real caseload.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from kith.platform.access.roles import Role
from kith.synthetic.demo import DEMO_PASSWORD, GENERATED_SIGN_INS
from kith.workforce.administration import open_sign_in
from kith.workforce.models import StaffMember, Team, TeamKind


class NoAuthority(RuntimeError):
    """There is no generated authority to open sign-ins on."""


def open_demo_sign_ins() -> list[StaffMember]:
    """Open the demo sign-ins on the generated authority (again, harmlessly, if already open)."""
    chosen = _choose()
    assert tuple(chosen) == GENERATED_SIGN_INS  # printed in this order by demo_logins
    for username, member in chosen.items():
        open_sign_in(member, username=username, password=DEMO_PASSWORD)
    administrator = chosen["admin"].user
    administrator.is_staff = administrator.is_superuser = True
    administrator.save(update_fields=["is_staff", "is_superuser"])
    return list(chosen.values())


def _choose() -> dict[str, StaffMember]:
    staff = StaffMember.objects.filter(is_active=True).select_related("user", "team")
    if not staff.exists():
        raise NoAuthority("There is no authority yet: run kith generate first")
    by_caseload = staff.annotate(caseload=Count("allocations", filter=Q(allocations__ended_on__isnull=True))).order_by(
        "-caseload", "pk"
    )
    safeguarding_worker = _first(by_caseload.filter(role=Role.SOCIAL_WORKER, team__kind=TeamKind.SAFEGUARDING))
    cic_worker = _first(by_caseload.filter(role=Role.SOCIAL_WORKER, team__kind=TeamKind.CHILDREN_IN_CARE))
    front_door = _team(TeamKind.FRONT_DOOR)
    return {
        "social.worker": safeguarding_worker,
        "senior.practitioner": _in(safeguarding_worker.team, Role.SENIOR_PRACTITIONER),
        "team.manager": _in(safeguarding_worker.team, Role.TEAM_MANAGER),
        "business.support": _in(safeguarding_worker.team, Role.BUSINESS_SUPPORT),
        "cic.worker": cic_worker,
        "cic.manager": _in(cic_worker.team, Role.TEAM_MANAGER),
        "service.manager": _first(staff.filter(role=Role.SERVICE_MANAGER).order_by("pk")),
        "head.of.service": _first(staff.filter(role=Role.HEAD_OF_SERVICE).order_by("pk")),
        "front.door": _in(front_door, Role.FRONT_DOOR_SCREENER),
        "front.door.manager": _in(front_door, Role.TEAM_MANAGER),
        "iro": _first(
            staff.filter(role=Role.IRO)
            .annotate(children=Count("iro_allocations", filter=Q(iro_allocations__ended_on__isnull=True)))
            .order_by("-children", "pk")
        ),
        "personal.adviser": _first(by_caseload.filter(role=Role.PERSONAL_ADVISER)),
        "analyst": _first(staff.filter(role=Role.PERFORMANCE_ANALYST).order_by("pk")),
        "qa.auditor": _first(staff.filter(role=Role.QA_AUDITOR).order_by("pk")),
        "lado": _first(staff.filter(role=Role.LADO).order_by("pk")),
        "admin": _first(staff.filter(role=Role.SYSTEM_ADMINISTRATOR).order_by("pk")),
    }


def _team(kind: str) -> Team:
    team = Team.objects.filter(kind=kind).order_by("pk").first()
    if team is None:
        raise NoAuthority(f"The authority has no {TeamKind(kind).label} team")
    return team


def _in(team: Team, role: str) -> StaffMember:
    return _first(
        StaffMember.objects.filter(team=team, role=role, is_active=True).select_related("user").order_by("pk")
    )


def _first(members: QuerySet[StaffMember]) -> StaffMember:
    member = members.first()
    if member is None:
        raise NoAuthority("The authority lacks a member of staff the demo signs in as")
    return member
