"""Child in need: the local standard for visits (there is no national one)."""

from __future__ import annotations

from kith.platform.timescales.editions import before_working_together_2023
from kith.platform.timescales.registry import register
from kith.platform.timescales.sources import LOCAL_PROCEDURES
from kith.platform.timescales.types import Timescale, When, WorkingDays

VISIT = register(
    Timescale(
        code="child_in_need.visit",
        title="Child in need visit",
        limit=WorkingDays(20),
        source=LOCAL_PROCEDURES.at(
            "visits to children in need: not set nationally (e.g. at least every 20 working days)"
        ),
        starts_when=When("the last visit", event="visits.visit_recorded"),
        met_when=When("the child is visited and seen", event="visits.visit_recorded"),
        effective_from=LOCAL_PROCEDURES.in_force_from,
        is_local_standard=True,
        description="No national frequency: Kith's default local standard, which the council may change.",
    )
)

# The same rules before Working Together 2023, so older records are measured too.
for _current in (VISIT,):
    register(before_working_together_2023(_current))
