"""2026-27: deprivation of liberty orders (the DoLo table) join the return; Kith does not yet record them."""

from dataclasses import replace

from kith.returns.years import y2026

YEAR = replace(
    y2026.YEAR,
    year=2027,
    notes=("The DoLo table (deprivation of liberty orders) is not yet recorded by Kith: it is written empty.",),
    tables_903=(*y2026.YEAR.tables_903, "DoLo"),
)
