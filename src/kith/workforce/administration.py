"""Setting up teams and staff accounts.

This is not case state, so these functions write no chronology event (the
chronology is about children); pghistory keeps the row history of every change.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from kith.workforce.models import StaffMember, Team


@transaction.atomic
def add_team(*, name: str, kind: str, parent: Team | None = None) -> Team:
    team = Team.objects.create(name=name, kind=kind, parent=parent, path="")
    team.path = f"{parent.path if parent else '/'}{team.pk}/"
    team.save(update_fields=["path"])
    return team


@transaction.atomic
def add_staff_member(
    *,
    username: str,
    password: str | None,
    full_name: str,
    role: str,
    team: Team,
    job_title: str = "",
    email: str = "",
    caseload_limit: int | None = None,
) -> StaffMember:
    """Add a member of staff with a sign-in account.

    A password of None makes an account that cannot sign in (used by scenario replays).
    """
    given, _, family = full_name.partition(" ")
    user = get_user_model().objects.create_user(
        username=username, password=password, email=email, first_name=given, last_name=family
    )
    return StaffMember.objects.create(
        user=user, full_name=full_name, role=role, team=team, job_title=job_title, caseload_limit=caseload_limit
    )


@transaction.atomic
def open_sign_in(member: StaffMember, *, username: str, password: str) -> StaffMember:
    """Give an existing member of staff a sign-in: a new username and password (the demo opens the
    generated authority's staff this way, so each demo sign-in holds a real caseload)."""
    user = member.user
    user.username = username
    user.set_password(password)
    user.save(update_fields=["username", "password"])
    return member
