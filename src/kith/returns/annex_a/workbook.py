"""The Annex A workbook: one sheet per list, in order, each headed by its columns.

Dates are real Excel dates (shown dd/mm/yyyy), counts are numbers, a blank is an empty cell. Rows
are sorted by child, then date, so the same records give the same cells in the same order (the
file itself differs run to run: an xlsx carries the time it was written).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from kith.returns.annex_a.adoption import adopters, adoption_plans
from kith.returns.annex_a.assessments import assessments, section_47_enquiries
from kith.returns.annex_a.care import children_in_care
from kith.returns.annex_a.care_leavers import care_leavers
from kith.returns.annex_a.children import Cell, Row
from kith.returns.annex_a.columns import LISTS
from kith.returns.annex_a.front_door import contacts, early_help_assessments, referrals
from kith.returns.annex_a.need import child_protection_plans, children_in_need
from kith.returns.annex_a.period import Inspection

DATE_FORMAT = "DD/MM/YYYY"

READERS: dict[str, Callable[[Inspection], list[Row]]] = {
    "List 1": contacts,
    "List 2": early_help_assessments,
    "List 3": referrals,
    "List 4": assessments,
    "List 5": section_47_enquiries,
    "List 6": children_in_need,
    "List 7": child_protection_plans,
    "List 8": children_in_care,
    "List 9": care_leavers,
    "List 10": adoption_plans,
    "List 11": adopters,
}


@dataclass(frozen=True)
class AnnexA:
    """Annex A for an inspection starting on ``on``: each list's rows, as cells in its columns' order."""

    on: date
    lists: dict[str, list[tuple[Cell, ...]]]

    def write(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(self.to_bytes())
        return path

    def to_bytes(self) -> bytes:
        """The .xlsx file's content."""
        workbook = Workbook()
        workbook.remove(workbook.active)  # type: ignore[arg-type]
        for name, columns in LISTS.items():
            sheet = workbook.create_sheet(name)
            sheet.append(columns)
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for row in self.lists[name]:
                sheet.append(row)
            for cells in sheet.iter_rows(min_row=2):
                for cell in cells:
                    if isinstance(cell.value, date):
                        cell.number_format = DATE_FORMAT
        content = BytesIO()
        workbook.save(content)
        return content.getvalue()


def build_annex_a(on: date) -> AnnexA:
    inspection = Inspection(on=on)
    return AnnexA(on=on, lists={name: [_cells(name, row) for row in READERS[name](inspection)] for name in LISTS})


def _cells(name: str, row: Row) -> tuple[Cell, ...]:
    """The row in its list's column order; a column missing or one too many is a mistake in Kith."""
    columns = LISTS[name]
    if set(row) != set(columns):
        raise ValueError(f"{name}: the row's columns {sorted(set(row) ^ set(columns))} do not match the list's")
    return tuple(row[column] for column in columns)
