"""Earlier editions of a timescale: the same rule, in force before the edition Kith declares first.

Kith's declarations cite the guidance in force now. A council's history reaches back
further (ten years of records, or a child whose assessment began in 2019), and a clock
started on a date uses the version in force on that date, so each rule must also be
declared for the years before. Working Together's timescales for the front door,
assessments and child protection were set in the 2013 edition and kept unchanged in
2015, 2018 and 2023; the local standards Kith ships by default are applied to the same
years, so that a council's history is measured by one yardstick unless it sets another.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from kith.platform.timescales.sources import WORKING_TOGETHER_2023
from kith.platform.timescales.types import Document, Timescale

WORKING_TOGETHER_2013_TO_2018 = Document(
    "Working Together to Safeguard Children (2013, 2015 and 2018 editions)",
    in_force_from=date(2013, 4, 15),
    url="https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
)

SAME_AS_2023 = "the same timescale as the 2023 edition"


def before_working_together_2023(current: Timescale) -> Timescale:
    """The version of ``current`` in force from 15 April 2013 to the day before ``current`` took effect.

    A Working Together 2023 timescale cites the 2013–2018 editions, where the same rule
    stood; a local standard keeps its own source, applied to the earlier years.
    """
    if current.effective_from != WORKING_TOGETHER_2023.in_force_from:
        raise ValueError(f"{current.code} does not start with Working Together 2023; declare its history by hand")
    source = current.source
    if source.document == WORKING_TOGETHER_2023.title:
        reference = source.reference.removesuffix("retained since WT2013").strip(", ")
        source = WORKING_TOGETHER_2013_TO_2018.at(", ".join(filter(None, [reference, SAME_AS_2023])))
    return dataclasses.replace(
        current,
        source=source,
        effective_from=WORKING_TOGETHER_2013_TO_2018.in_force_from,
        effective_to=current.effective_from,
    )
