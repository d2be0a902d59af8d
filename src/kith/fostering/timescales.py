"""The fostering service's timescales: a connected person's temporary approval, and the yearly review of approval."""

from __future__ import annotations

from datetime import date

from kith.platform.timescales.registry import register
from kith.platform.timescales.sources import CARE_PLANNING_REGULATIONS_2010
from kith.platform.timescales.types import Document, Months, Timescale, Weeks, When

FOSTERING_SERVICES_REGULATIONS_2011 = Document(
    "Fostering Services (England) Regulations 2011 (SI 2011/581)",
    in_force_from=date(2011, 4, 1),
    url="https://www.legislation.gov.uk/uksi/2011/581/regulation/28",
)

TEMPORARY_APPROVAL = register(
    Timescale(
        code="fostering.temporary_approval",
        title="Connected person's temporary approval",
        limit=Weeks(16),
        source=CARE_PLANNING_REGULATIONS_2010.at("reg 24, reg 25"),
        starts_when=When(
            "a relative or friend is approved temporarily as a foster carer for a named child",
            event="fostering.temporary_approval_granted",
        ),
        met_when=When("the carers are approved as foster carers", event="fostering.carers_approved"),
        effective_from=CARE_PLANNING_REGULATIONS_2010.in_force_from,
        description="A connected person may be approved temporarily (reg 24) to care for a named child while their "
        "full assessment runs, for up to 16 weeks (reg 25; an 8-week extension needs a nominated officer and the "
        "assessment under way). The clock is met when the agency decision maker approves them in full. "
        "Inspection: RC12 ¶121, ¶133.",
    )
)

ANNUAL_REVIEW = register(
    Timescale(
        code="fostering.annual_review",
        title="Review of foster carers' approval",
        limit=Months(12),
        source=FOSTERING_SERVICES_REGULATIONS_2011.at("reg 28"),
        starts_when=When(
            "the carers are approved, or their approval was last reviewed", event="fostering.carers_approved"
        ),
        met_when=When("the approval is reviewed", event="fostering.approval_reviewed"),
        effective_from=FOSTERING_SERVICES_REGULATIONS_2011.in_force_from,
        description="Foster carers' approval is reviewed at least once a year, taking the carers' views and those "
        "of the children placed, and the terms confirmed or changed (reg 28(2)). Each review starts the next "
        "year's clock. Inspection: HP24 ¶37.",
    )
)
