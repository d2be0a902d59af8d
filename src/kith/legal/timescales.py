"""Pre-proceedings and care proceedings: the 26-week limit for care cases, and the local pre-proceedings standard."""

from __future__ import annotations

from datetime import date

from kith.platform.timescales.editions import before_working_together_2023
from kith.platform.timescales.registry import register
from kith.platform.timescales.sources import LOCAL_PROCEDURES
from kith.platform.timescales.types import Document, Timescale, Weeks, When

CHILDREN_ACT_1989 = Document(
    "Children Act 1989",
    in_force_from=date(2014, 4, 22),
    url="https://www.legislation.gov.uk/ukpga/1989/41/section/32",
)

PRE_PROCEEDINGS_REVIEW = register(
    Timescale(
        code="legal.pre_proceedings_review",
        title="Pre-proceedings decision: step down or issue",
        limit=Weeks(16),
        source=LOCAL_PROCEDURES.at(
            "Public Law Outline pre-proceedings: no statutory limit (the Public Law Working Group's best "
            "practice guidance expects about 16 weeks)"
        ),
        starts_when=When("the child enters pre-proceedings", event="legal.pre_proceedings_started"),
        met_when=When("a manager decides to step down or to issue proceedings", event="legal.pre_proceedings_ended"),
        effective_from=LOCAL_PROCEDURES.in_force_from,
        is_local_standard=True,
        description="So no child stays in pre-proceedings longer than needed. Kith's default local "
        "standard, which the council may change.",
    )
)

CARE_PROCEEDINGS = register(
    Timescale(
        code="legal.care_proceedings",
        title="Care or supervision order application decided",
        limit=Weeks(26),
        source=CHILDREN_ACT_1989.at("s.32(1)(a), inserted by the Children and Families Act 2014, s.14"),
        starts_when=When("the application is issued", event="legal.care_application_made"),
        met_when=When("the court makes its final order", event="legal.care_proceedings_concluded"),
        effective_from=CHILDREN_ACT_1989.in_force_from,
        description="Applications for a care or supervision order are to be disposed of without delay and in "
        "any event within 26 weeks of issue; the court may extend by up to 8 weeks at a time (s.32(5)).",
    )
)

# The same rules before Working Together 2023, so older records are measured too.
for _current in (PRE_PROCEEDINGS_REVIEW,):
    register(before_working_together_2023(_current))
