"""The demo authority: a service with three teams, one sign-in per role, a dozen children in six households.

Small enough to read in a minute, varied enough to show each part of Kith: a
child on a caseload and one in another team (who answers 404), an unborn baby,
children waiting for a worker, a restricted record, a warning for staff, a
disabled child, a child who needs an interpreter, management decisions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from kith.people.actions import (
    AddressDetails,
    PersonDetails,
    ProfessionalDetails,
    add_person,
    add_warning,
    grant_restricted_access,
    involve_professional,
    record_relationship,
    restrict_record,
)
from kith.people.models import Person
from kith.platform import clock
from kith.platform.access.roles import Role
from kith.quality.actions import record_management_decision
from kith.synthetic.nhs_numbers import synthetic_nhs_numbers
from kith.workforce.actions import allocate_case
from kith.workforce.administration import add_staff_member, add_team
from kith.workforce.models import StaffMember, Team

DEMO_PASSWORD = "kith-demo-password"  # noqa: S105 - printed for the demo on purpose
SERVICE_NAME = "Children's Social Care (demo)"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    name: str
    team: str


# username, name, role, team key
_STAFF = [
    ("social.worker", "Priya Shah", Role.SOCIAL_WORKER, "north"),
    ("senior.practitioner", "Tom Hughes", Role.SENIOR_PRACTITIONER, "north"),
    ("team.manager", "Grace Okafor", Role.TEAM_MANAGER, "north"),
    ("service.manager", "Alan Whitfield", Role.SERVICE_MANAGER, "service"),
    ("head.of.service", "Deborah Lyons", Role.HEAD_OF_SERVICE, "service"),
    ("front.door", "Sam Carter", Role.FRONT_DOOR_SCREENER, "front_door"),
    ("front.door.manager", "Rachel Dunn", Role.TEAM_MANAGER, "front_door"),
    ("iro", "Helen Marsh", Role.IRO, "service"),
    ("personal.adviser", "Jordan Reilly", Role.PERSONAL_ADVISER, "south"),
    ("business.support", "Lucy Bell", Role.BUSINESS_SUPPORT, "north"),
    ("analyst", "Imran Qureshi", Role.PERFORMANCE_ANALYST, "service"),
    ("qa.auditor", "Fiona Grant", Role.QA_AUDITOR, "service"),
    ("lado", "Martin Doyle", Role.LADO, "service"),
    ("admin", "Kith Administrator", Role.SYSTEM_ADMINISTRATOR, "service"),
    ("south.worker", "Ellie Robson", Role.SOCIAL_WORKER, "south"),
    ("south.manager", "Kwame Mensah", Role.TEAM_MANAGER, "south"),
]


# The sign-ins the demo opens on a generated authority (kith.synthetic.generator.sign_ins), in the
# order they are printed: each is a member of staff the generator made, chosen for their real work.
GENERATED_SIGN_INS = (
    "social.worker",
    "senior.practitioner",
    "team.manager",
    "business.support",
    "cic.worker",
    "cic.manager",
    "service.manager",
    "head.of.service",
    "front.door",
    "front.door.manager",
    "iro",
    "personal.adviser",
    "analyst",
    "qa.auditor",
    "lado",
    "admin",
)


def demo_logins() -> list[DemoLogin]:
    """The demo sign-ins of whichever demo authority the database holds: the hand-written one or a
    generated one."""
    usernames = list(dict.fromkeys(list(GENERATED_SIGN_INS) + [row[0] for row in _STAFF]))
    staff = StaffMember.objects.filter(user__username__in=usernames).select_related("user", "team")
    by_username = {member.user.username: member for member in staff}
    return [
        DemoLogin(
            username=username,
            role=by_username[username].get_role_display(),
            name=by_username[username].full_name,
            team=by_username[username].team.name,
        )
        for username in usernames
        if username in by_username
    ]


@transaction.atomic
def load_demo_authority() -> bool:
    """Create the demo authority unless it exists. Returns True when it was created now."""
    if Team.objects.filter(name=SERVICE_NAME).exists():
        return False
    service = add_team(name=SERVICE_NAME, kind="service")
    teams = {
        "service": service,
        "front_door": add_team(name="Front Door (MASH)", kind="front_door", parent=service),
        "north": add_team(name="Safeguarding Team North", kind="safeguarding", parent=service),
        "south": add_team(name="Safeguarding Team South", kind="safeguarding", parent=service),
    }
    staff = {}
    for username, name, role, team in _STAFF:
        staff[username] = add_staff_member(
            username=username,
            password=DEMO_PASSWORD,
            full_name=name,
            role=role,
            team=teams[team],
            job_title=Role(role).label,
            email=f"{username}@kith.invalid",
            caseload_limit=18 if role in (Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER) else None,
        )
    admin = staff["admin"].user
    admin.is_staff = admin.is_superuser = True
    admin.save(update_fields=["is_staff", "is_superuser"])
    _Families(teams=teams, staff=staff).record()
    return True


class _Families:
    """Six invented households, recorded by the front door and allocated by the managers."""

    def __init__(self, *, teams: dict[str, Team], staff: dict[str, StaffMember]) -> None:
        self.teams, self.staff = teams, staff
        self.today = clock.today()
        self.nhs = synthetic_nhs_numbers(start=4100)
        self.front_door = staff["front.door"].user

    def years_ago(self, years: int, days: int = 0) -> date:
        return self.today - timedelta(days=round(years * 365.25) + days)

    def child(
        self, given: str, family: str, born: date | None, *, address: AddressDetails, **details: object
    ) -> Person:
        return add_person(
            PersonDetails(
                kind="child",
                given_name=given,
                family_name=family,
                date_of_birth=born,
                nhs_number=next(self.nhs),
                **details,  # type: ignore[arg-type]
            ),
            by=self.front_door,
            address=address,
            moved_in_on=self.years_ago(3),
            reviewed_duplicates=[person.pk for person in Person.objects.filter(family_name=family)],
        )

    def adult(
        self, given: str, family: str, born: date, *, address: AddressDetails, sex: str, **details: object
    ) -> Person:
        return add_person(
            PersonDetails(kind="adult", given_name=given, family_name=family, date_of_birth=born, sex=sex, **details),  # type: ignore[arg-type]
            by=self.front_door,
            address=address,
            moved_in_on=self.years_ago(3),
            reviewed_duplicates=[person.pk for person in Person.objects.filter(family_name=family)],
        )

    def allocate(self, child: Person, team: str, worker: str | None, reason: str, days_ago: int) -> None:
        """The front door passes the child to a team; the team's manager then names a worker."""
        started = self.today - timedelta(days=days_ago)
        allocate_case(
            child,
            team=self.teams[team],
            worker=None,
            reason=f"Passed from the front door: {reason}",
            started_on=started,
            by=self.staff["front.door.manager"].user,
        )
        if worker:
            manager = self.staff["team.manager" if team == "north" else "south.manager"]
            allocate_case(
                child,
                team=self.teams[team],
                worker=self.staff[worker],
                reason=reason,
                started_on=started + timedelta(days=1),
                by=manager.user,
            )

    def parent_of(self, parent: Person, *children: Person) -> None:
        for child in children:
            record_relationship(parent, child, kind="parent", has_parental_responsibility=True, by=self.front_door)

    def siblings(self, *children: Person) -> None:
        for index, child in enumerate(children):
            for other in children[index + 1 :]:
                record_relationship(child, other, kind="sibling", by=self.front_door)

    def record(self) -> None:
        self.bennett()
        self.nowak()
        self.begum()
        self.hall()
        self.adeyemi()
        self.tesfaye()

    def bennett(self) -> None:
        home = AddressDetails(line_1="14 Larchfield Road", town="Hartlepool", postcode="TS25 4QD")
        mum = self.adult(
            "Kerry", "Bennett", self.years_ago(31), address=home, sex="F", ethnicity="WBRI", religion="none"
        )
        ava = self.child(
            "Ava",
            "Bennett",
            self.years_ago(8, 40),
            address=home,
            sex="F",
            ethnicity="WBRI",
            religion="none",
            first_language="English",
            community="Grew up on the Larchfield estate near her nan and cousins",
        )
        leo = self.child(
            "Leo",
            "Bennett",
            self.years_ago(5, 100),
            address=home,
            sex="M",
            ethnicity="WBRI",
            religion="none",
            first_language="English",
            disabilities=["COMM", "AUT"],
        )
        baby = add_person(
            PersonDetails(
                kind="child",
                given_name="Unborn",
                family_name="Bennett",
                expected_date_of_birth=self.today + timedelta(days=70),
                sex="U",
            ),
            by=self.front_door,
            address=home,
            reviewed_duplicates=[p.pk for p in Person.objects.filter(family_name="Bennett")],
        )
        self.parent_of(mum, ava, leo, baby)
        self.siblings(ava, leo)
        for child in (ava, leo, baby):
            self.allocate(
                child,
                "north",
                "social.worker",
                "Domestic abuse notifications; assessment of the children's safety at home",
                60,
            )
        record_management_decision(
            ava,
            kind="case_direction",
            decision="Hold a strategy discussion with police and health this week",
            rationale="Third police notification in two months and the children were present; pregnancy adds risk",
            next_steps="Priya to arrange; include the midwife",
            decided_on=self.today - timedelta(days=55),
            by=self.staff["team.manager"].user,
        )
        gp = involve_professional(
            ava,
            by=self.front_door,
            started_on=self.years_ago(3),
            new_professional=ProfessionalDetails(
                name="Dr Anna Lowe", role="gp", organisation="Seaton Lane Surgery", phone="01429 000100"
            ),
        ).professional
        involve_professional(leo, by=self.front_door, started_on=self.years_ago(3), professional=gp)
        involve_professional(
            baby,
            by=self.front_door,
            started_on=self.today - timedelta(days=90),
            new_professional=ProfessionalDetails(
                name="Joanne Pike", role="midwife", organisation="Community Midwifery Team", phone="01429 000200"
            ),
        )

    def nowak(self) -> None:
        home = AddressDetails(line_1="3 Baltic Court", line_2="Church Street", town="Hartlepool", postcode="TS24 7DN")
        dad = self.adult(
            "Piotr",
            "Nowak",
            self.years_ago(38),
            address=home,
            sex="M",
            ethnicity="WOTH",
            religion="christian",
            first_language="Polish",
            interpreter_needed=True,
        )
        zofia = self.child(
            "Zofia",
            "Nowak",
            self.years_ago(13, 20),
            address=home,
            sex="F",
            ethnicity="WOTH",
            religion="christian",
            first_language="Polish",
            interpreter_needed=True,
            community="Polish Catholic community around St Joseph's",
        )
        self.parent_of(dad, zofia)
        self.allocate(
            zofia, "north", "senior.practitioner", "Neglect concerns raised by school; father works nights", 120
        )
        add_warning(
            dad,
            kind="risk_to_staff",
            details="Threatened a worker in 2024; visit in pairs",
            by=self.staff["senior.practitioner"].user,
        )

    def begum(self) -> None:
        home = AddressDetails(line_1="27 Raby Road", town="Hartlepool", postcode="TS24 8AS")
        mum = self.adult(
            "Shirin",
            "Begum",
            self.years_ago(35),
            address=home,
            sex="F",
            ethnicity="ABAN",
            religion="muslim",
            first_language="Bengali",
        )
        kids = [
            self.child(
                "Amina",
                "Begum",
                self.years_ago(15, 10),
                address=home,
                sex="F",
                ethnicity="ABAN",
                religion="muslim",
                first_language="English",
            ),
            self.child(
                "Yusuf",
                "Begum",
                self.years_ago(11, 200),
                address=home,
                sex="M",
                ethnicity="ABAN",
                religion="muslim",
                first_language="English",
            ),
            self.child(
                "Ibrahim",
                "Begum",
                self.years_ago(2, 30),
                address=home,
                sex="M",
                ethnicity="ABAN",
                religion="muslim",
                first_language="Bengali",
            ),
        ]
        self.parent_of(mum, *kids)
        self.siblings(*kids)
        for child in kids:
            self.allocate(
                child, "north", None, "Referral from health visitor: mother's mental health; awaiting a worker", 6
            )

    def hall(self) -> None:
        home = AddressDetails(line_1="8 Mayfair Gardens", town="Hartlepool", postcode="TS26 0HT")
        mum = self.adult(
            "Natalie", "Hall", self.years_ago(27), address=home, sex="F", ethnicity="MWBC", religion="not_stated"
        )
        jayden = self.child(
            "Jayden",
            "Hall",
            self.years_ago(16, 90),
            address=home,
            sex="M",
            ethnicity="MWBC",
            religion="none",
            first_language="English",
            community="Grew up between his mum's flat and his grandad's in Middlesbrough",
        )
        kai = self.child(
            "Kai",
            "Hall",
            self.years_ago(9, 15),
            address=home,
            sex="M",
            ethnicity="MWBC",
            religion="none",
            first_language="English",
        )
        self.parent_of(mum, jayden, kai)
        self.siblings(jayden, kai)
        self.allocate(jayden, "south", "south.worker", "Missing episodes and concerns of criminal exploitation", 200)
        self.allocate(kai, "south", "south.worker", "Sibling of Jayden; assessed together", 200)
        record_management_decision(
            jayden,
            kind="oversight",
            decision="Refer to the exploitation panel; continue weekly visits",
            rationale="Four missing episodes this month, found twice with older males; risk is rising",
            decided_on=self.today - timedelta(days=12),
            by=self.staff["south.manager"].user,
        )

    def tesfaye(self) -> None:
        home = AddressDetails(line_1="Flat 2, 19 Grange Road", town="Hartlepool", postcode="TS26 8JB")
        dawit = self.child(
            "Dawit",
            "Tesfaye",
            self.years_ago(16, 45),
            address=home,
            sex="M",
            ethnicity="BAFR",
            religion="christian",
            first_language="Tigrinya",
            interpreter_needed=True,
            is_uasc=True,
            immigration_status="asylum_seeker",
            community="Grew up in a village near Asmara; Eritrean Orthodox church in Middlesbrough on Sundays",
        )
        self.allocate(dawit, "south", "south.worker", "Arrived alone, aged 16; needs for accommodation and support", 40)

    def adeyemi(self) -> None:
        home = AddressDetails(line_1="51 Stockton Road", town="Hartlepool", postcode="TS25 1RL")
        tobi = self.child(
            "Tobi",
            "Adeyemi",
            self.years_ago(6, 60),
            address=home,
            sex="M",
            ethnicity="BAFR",
            religion="christian",
            first_language="English",
        )
        femi = self.child(
            "Femi",
            "Adeyemi",
            self.years_ago(4, 10),
            address=home,
            sex="F",
            ethnicity="BAFR",
            religion="christian",
            first_language="English",
        )
        self.siblings(tobi, femi)
        self.allocate(tobi, "south", "south.worker", "Placement with prospective adopters; adoption planning", 300)
        self.allocate(femi, "south", "south.worker", "Placement with prospective adopters; adoption planning", 300)
        manager = self.staff["south.manager"].user
        for child in (tobi, femi):
            restrict_record(child, reason="Adoption: placed with prospective adopters", by=manager)
            grant_restricted_access(
                child, to=self.staff["south.worker"].user, reason="Allocated social worker", by=manager
            )
