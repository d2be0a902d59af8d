"""Private fostering visits (statutory), and Kith's local standards for the education registers' checks."""

from __future__ import annotations

from datetime import date

from kith.platform.timescales.editions import before_working_together_2023
from kith.platform.timescales.registry import register
from kith.platform.timescales.sources import LOCAL_PROCEDURES
from kith.platform.timescales.types import Document, Months, Timescale, Weeks, When, WorkingDays

PRIVATE_FOSTERING_REGULATIONS_2005 = Document(
    "Children (Private Arrangements for Fostering) Regulations 2005 (SI 2005/1533)",
    in_force_from=date(2005, 7, 1),
    url="https://www.legislation.gov.uk/uksi/2005/1533",
)

PRIVATE_FOSTERING_FIRST_VISIT = register(
    Timescale(
        code="registers.private_fostering_first_visit",
        title="First private fostering visit",
        limit=WorkingDays(7),
        source=PRIVATE_FOSTERING_REGULATIONS_2005.at("reg 4(1)"),
        starts_when=When("the notification of the arrangement", event="registers.private_fostering_notified"),
        met_when=When("an officer visits and sees the child", event="registers.private_fostering_visit_recorded"),
        effective_from=PRIVATE_FOSTERING_REGULATIONS_2005.in_force_from,
        description="A visit to the home where the child is, or will be, privately fostered, speaking to the "
        "carer and the child.",
    )
)

PRIVATE_FOSTERING_VISIT_FIRST_YEAR = register(
    Timescale(
        code="registers.private_fostering_visit_first_year",
        title="Private fostering visit (first year)",
        limit=Weeks(6),
        source=PRIVATE_FOSTERING_REGULATIONS_2005.at("reg 8(1)(a)"),
        starts_when=When("the last visit", event="registers.private_fostering_visit_recorded"),
        met_when=When("an officer visits and sees the child", event="registers.private_fostering_visit_recorded"),
        effective_from=PRIVATE_FOSTERING_REGULATIONS_2005.in_force_from,
        description="At intervals of not more than 6 weeks in the first year of the arrangement, speaking to the "
        "child alone unless the officer considers it inappropriate.",
    )
)

PRIVATE_FOSTERING_VISIT_AFTER_FIRST_YEAR = register(
    Timescale(
        code="registers.private_fostering_visit_after_first_year",
        title="Private fostering visit (after the first year)",
        limit=Weeks(12),
        source=PRIVATE_FOSTERING_REGULATIONS_2005.at("reg 8(1)(b)"),
        starts_when=When("the last visit", event="registers.private_fostering_visit_recorded"),
        met_when=When("an officer visits and sees the child", event="registers.private_fostering_visit_recorded"),
        effective_from=PRIVATE_FOSTERING_REGULATIONS_2005.in_force_from,
        description="At intervals of not more than 12 weeks in any later year of the arrangement.",
    )
)

MISSING_EDUCATION_CHECK = register(
    Timescale(
        code="registers.missing_education_check",
        title="Check on a child missing education",
        limit=WorkingDays(10),
        source=LOCAL_PROCEDURES.at(
            "children missing education: tracked until the child is placed; no national frequency for checks"
        ),
        starts_when=When("the child is added to the register or last checked", event="registers.entry_added"),
        met_when=When("a check or home visit is recorded", event="registers.check_recorded"),
        effective_from=LOCAL_PROCEDURES.in_force_from,
        is_local_standard=True,
        description="Kith's default local standard, which the council may change.",
    )
)

HOME_EDUCATION_CHECK = register(
    Timescale(
        code="registers.home_education_check",
        title="Contact with a home-educated child's family",
        limit=Months(12),
        source=LOCAL_PROCEDURES.at("elective home education: no statutory frequency for contact or visits"),
        starts_when=When("the child is added to the register or last checked", event="registers.entry_added"),
        met_when=When("a check or home visit is recorded", event="registers.check_recorded"),
        effective_from=LOCAL_PROCEDURES.in_force_from,
        is_local_standard=True,
        description="At least yearly. Kith's default local standard, which the council may change.",
    )
)

# The same rules before Working Together 2023, so older records are measured too.
for _current in (MISSING_EDUCATION_CHECK, HOME_EDUCATION_CHECK):
    register(before_working_together_2023(_current))
