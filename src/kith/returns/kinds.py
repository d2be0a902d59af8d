"""The returns the returns page can produce, each declared once: how to build its file and how to check it.

A kind builds one file as at a day and, when the sector has a validator for it, runs that validator
over the same bytes. The SSDA903 and the CIN census are for a collection year, and are as at its last
day, 31 March (``Period.YEAR``: the page asks for the year); Ofsted's Annex A is as at the inspection
date (``Period.DAY``: the page asks for the date). The page, the actions and the download read only
this registry, so Annex A joins the page with one ``register(ReturnKind(...))`` here.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from io import BytesIO
from pathlib import Path
from tempfile import TemporaryDirectory

from django.conf import settings
from django.utils.timezone import localtime

from kith.platform import clock
from kith.returns.annex_a.workbook import build_annex_a
from kith.returns.cin_census import build_cin
from kith.returns.ssda903 import build_903
from kith.returns.validators import Issue, validate_903, validate_cin
from kith.returns.years import SUPPORTED, CollectionYear, collection_year

# The council's ONS code, which the SSDA903 validator asks for: Hartlepool's, the demo authority, unless the
# settings name another (``ONS_LA_CODE``), as ``kith returns validate 903 --la`` defaults to.
HARTLEPOOL_ONS = "E06000001"


@dataclass(frozen=True)
class Built:
    """A return's file as generated: its name, its bytes, and how many children and rows it holds."""

    file_name: str
    content: bytes
    children: int
    rows: int
    notes: tuple[str, ...] = ()


class Period(StrEnum):
    # For a collection year, as at its 31 March: the page asks for the year.
    YEAR = "year"
    # As at a day the user gives (an inspection date): the page asks for the date.
    DAY = "day"


@dataclass(frozen=True)
class ReturnKind:
    code: str
    title: str
    content_type: str
    # The file as at a day: for a collection year's return, that year's 31 March.
    build: Callable[[date], Built]
    # The sector validator over the file's bytes; None when the sector has none for this return.
    validate: Callable[[bytes, date], list[Issue]] | None
    # The validator's ruleset for the return as at a day (lac2025_26), named on the page beside its findings.
    ruleset: Callable[[date], str]
    # What the page says the file is ("a zip of the 903 CSV files"), and what its rows are.
    describes_file: str
    rows_are: str = "rows"
    period: Period = Period.YEAR


KINDS: dict[str, ReturnKind] = {}


def register(kind: ReturnKind) -> ReturnKind:
    if kind.code in KINDS:
        raise ValueError(f"The return {kind.code} is registered twice")
    KINDS[kind.code] = kind
    return kind


def get(code: str) -> ReturnKind | None:
    return KINDS.get(code)


def all_kinds() -> list[ReturnKind]:
    return list(KINDS.values())


def title_of(code: str) -> str:
    found = KINDS.get(code)
    return found.title if found else code


# -- SSDA903 ---------------------------------------------------------------------------------------


def ons_code() -> str:
    found: str = getattr(settings, "ONS_LA_CODE", "") or HARTLEPOOL_ONS
    return found


def _year(as_at: date) -> CollectionYear:
    """The collection year a return as at ``as_at`` (its 31 March) is for."""
    return collection_year(as_at.year)


def _build_903(as_at: date) -> Built:
    year = _year(as_at)
    made = build_903(year)
    # Written by the same writer as ``kith returns 903``, then zipped: the files are the command's, byte for byte.
    stamp = localtime(clock.now()).timetuple()[:6]
    archive = BytesIO()
    with TemporaryDirectory() as folder, zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in made.write(Path(folder)):
            entry = zipfile.ZipInfo(path.name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            zipped.writestr(entry, path.read_bytes())
    return Built(
        file_name=f"ssda903_{year.year}.zip",
        content=archive.getvalue(),
        children=len(made.tables["header"]),
        rows=sum(len(made.tables.get(name, [])) for name in year.tables_903),
        notes=year.notes,
    )


def _validate_903(content: bytes, as_at: date) -> list[Issue]:
    with TemporaryDirectory() as folder:
        with zipfile.ZipFile(BytesIO(content)) as zipped:
            for name in zipped.namelist():
                # Only the flat CSV names this module wrote; never a path out of the folder.
                if "/" not in name and name.endswith(".csv"):
                    (Path(folder) / name).write_bytes(zipped.read(name))
        # Last year's return, written from Kith's own history, lets the rules that compare the two years run.
        year = _year(as_at)
        previous = None
        if year.year - 1 in SUPPORTED:
            previous = Path(folder) / "previous"
            build_903(collection_year(year.year - 1)).write(previous)
        return validate_903(Path(folder), year=year, la=ons_code(), previous=previous)


SSDA903 = register(
    ReturnKind(
        code="ssda903",
        title="SSDA903 (children looked after)",
        content_type="application/zip",
        build=_build_903,
        validate=_validate_903,
        ruleset=lambda as_at: _year(as_at).ruleset_903,
        describes_file="a zip of the 903 CSV files",
        rows_are="rows across the tables",
    )
)


# -- CIN census ------------------------------------------------------------------------------------


def _build_cin(as_at: date) -> Built:
    year = _year(as_at)
    census = build_cin(year)
    return Built(
        file_name=census.file_name,
        content=census.to_bytes(),
        children=len(census.root.findall("Children/Child")),
        rows=len(census.root.findall("Children/Child/CINdetails")),
        notes=year.cin_notes,
    )


def _validate_cin(content: bytes, as_at: date) -> list[Issue]:
    year = _year(as_at)
    with TemporaryDirectory() as folder:
        path = Path(folder) / f"cin_census_{year.year}.xml"
        path.write_bytes(content)
        return validate_cin(path, year=year)


CIN_CENSUS = register(
    ReturnKind(
        code="cin_census",
        title="Children in need census",
        content_type="application/xml",
        build=_build_cin,
        validate=_validate_cin,
        ruleset=lambda as_at: _year(as_at).ruleset_cin,
        describes_file="the census XML file",
        rows_are="episodes",
    )
)


# -- Ofsted Annex A --------------------------------------------------------------------------------


def _build_annex_a(as_at: date) -> Built:
    annex = build_annex_a(as_at)
    rows = [row for rows in annex.lists.values() for row in rows]
    # Every list's first column is the child's Kith number.
    return Built(
        file_name=f"annex_a_{as_at.isoformat()}.xlsx",
        content=annex.to_bytes(),
        children=len({row[0] for row in rows}),
        rows=len(rows),
    )


ANNEX_A = register(
    ReturnKind(
        code="annex_a",
        title="Ofsted Annex A",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        build=_build_annex_a,
        # The sector has no validator for Annex A: the lists' headers and codes are Kith's own, tested.
        validate=None,
        ruleset=lambda as_at: "",
        describes_file="the workbook of Lists 1 to 11",
        rows_are="rows across the lists",
        period=Period.DAY,
    )
)
