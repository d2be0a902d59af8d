"""The service: its teams beneath one children's services department, and staff in every role.

Teams and staff are set up with ``kith.workforce.administration`` (not case work, so they
write no chronology). Staff accounts cannot sign in: they exist to record the history.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kith.platform.access.roles import Role
from kith.synthetic.generator.world import World
from kith.workforce.administration import add_staff_member, add_team
from kith.workforce.models import StaffMember, Team, TeamKind

SERVICE_NAME = "Children's Services (synthetic)"
CASEHOLDERS = (Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER)


@dataclass
class Authority:
    service: Team
    teams: dict[str, list[Team]] = field(default_factory=dict)
    staff: dict[int, list[StaffMember]] = field(default_factory=dict)
    leaders: dict[str, StaffMember] = field(default_factory=dict)

    def team(self, world: World, kind: str) -> Team:
        return world.pick(self.teams[kind])

    def members(self, team: Team, *roles: str) -> list[StaffMember]:
        return [member for member in self.staff[team.pk] if member.role in roles]

    def manager(self, team: Team) -> StaffMember:
        return self.members(team, Role.TEAM_MANAGER)[0]

    def worker(self, world: World, team: Team) -> StaffMember:
        return world.pick(self.members(team, *CASEHOLDERS))

    def one(self, world: World, kind: str, role: str) -> StaffMember:
        return world.pick([member for team in self.teams[kind] for member in self.members(team, role)])

    @property
    def service_manager(self) -> StaffMember:
        return self.leaders["service_manager"]

    @property
    def screener(self) -> StaffMember:
        return self.staff[self.teams[TeamKind.FRONT_DOOR][0].pk][1]

    @property
    def front_door_manager(self) -> StaffMember:
        return self.manager(self.teams[TeamKind.FRONT_DOOR][0])


def set_up_authority(world: World) -> Authority:
    profile = world.profile
    service = add_team(name=SERVICE_NAME, kind=TeamKind.SERVICE)
    authority = Authority(service=service)
    hiring = _Hiring(world, authority)
    hiring.leaders(service)
    # (kind, how many teams, team name, what each team holds besides its manager)
    plan: list[tuple[str, int, str, list[tuple[str, int]]]] = [
        (
            TeamKind.FRONT_DOOR,
            1,
            "Front Door (MASH)",
            [(Role.FRONT_DOOR_SCREENER, max(2, profile.workers_per_team // 2))],
        ),
        (TeamKind.ASSESSMENT, profile.assessment_teams, "Assessment Team", _caseholding(profile.workers_per_team)),
        (
            TeamKind.SAFEGUARDING,
            profile.safeguarding_teams,
            "Safeguarding Team",
            _caseholding(profile.workers_per_team),
        ),
        (
            TeamKind.CHILDREN_IN_CARE,
            profile.children_in_care_teams,
            "Children in Care Team",
            _caseholding(profile.workers_per_team),
        ),
        (
            TeamKind.CARE_LEAVERS,
            profile.care_leavers_teams,
            "Leaving Care Team",
            [(Role.PERSONAL_ADVISER, profile.workers_per_team), (Role.SOCIAL_WORKER, 1)],
        ),
        (
            TeamKind.DISABLED_CHILDREN,
            1,
            "Disabled Children's Team",
            _caseholding(max(2, profile.workers_per_team // 2)),
        ),
        (
            TeamKind.FOSTERING_AND_ADOPTION,
            1,
            "Fostering and Adoption",
            _caseholding(max(2, profile.workers_per_team // 2)),
        ),
        (TeamKind.IRO, 1, "Independent Reviewing Service", [(Role.IRO, max(2, profile.children // 5_000))]),
        (
            TeamKind.QUALITY_ASSURANCE,
            1,
            "Quality Assurance and Performance",
            [(Role.QA_AUDITOR, 2), (Role.PERFORMANCE_ANALYST, 1), (Role.LADO, 1)],
        ),
    ]
    for kind, count, name, roles in plan:
        authority.teams[kind] = []
        for number in range(1, count + 1):
            team = add_team(name=name if count == 1 else f"{name} {number}", kind=kind, parent=service)
            authority.teams[kind].append(team)
            authority.staff[team.pk] = []
            hiring.hire(team, Role.TEAM_MANAGER)
            for role, how_many in roles:
                for _ in range(how_many):
                    hiring.hire(team, role)
    return authority


def _caseholding(workers: int) -> list[tuple[str, int]]:
    return [(Role.SENIOR_PRACTITIONER, 1), (Role.SOCIAL_WORKER, workers - 1), (Role.BUSINESS_SUPPORT, 1)]


class _Hiring:
    def __init__(self, world: World, authority: Authority) -> None:
        self.world, self.authority, self.count = world, authority, 0

    def leaders(self, service: Team) -> None:
        self.authority.staff[service.pk] = []
        for key, role in (
            ("head_of_service", Role.HEAD_OF_SERVICE),
            ("service_manager", Role.SERVICE_MANAGER),
            ("administrator", Role.SYSTEM_ADMINISTRATOR),
        ):
            self.authority.leaders[key] = self.hire(service, role)

    def hire(self, team: Team, role: str) -> StaffMember:
        self.count += 1
        fake = self.world.fake
        name = f"{fake.first_name()} {fake.last_name()}"
        member = add_staff_member(
            username=f"staff{self.count:04d}",
            password=None,
            full_name=name,
            role=role,
            team=team,
            job_title=Role(role).label,
            email=f"staff{self.count:04d}@kith.invalid",
            caseload_limit=18 if role in CASEHOLDERS else None,
        )
        self.authority.staff.setdefault(team.pk, []).append(member)
        return member
