"""School terms, for attendance and termly PEP reviews: pure dates, no database.

A school year is named by the year it starts (2026 is "2026/27"). Schools set their own
term dates, so Kith uses the broad terms every school shares: autumn from 1 September to
31 December, spring from 1 January to 31 March, summer from 1 April to 31 August.
"""

from __future__ import annotations

from datetime import date

from django.db import models


class Term(models.TextChoices):
    AUTUMN = "autumn", "Autumn"
    SPRING = "spring", "Spring"
    SUMMER = "summer", "Summer"


def school_year_name(school_year: int) -> str:
    return f"{school_year}/{(school_year + 1) % 100:02d}"


def term_dates(school_year: int, term: str) -> tuple[date, date]:
    """The first and last day of ``term`` of the school year starting in ``school_year``."""
    if term == Term.AUTUMN:
        return date(school_year, 9, 1), date(school_year, 12, 31)
    if term == Term.SPRING:
        return date(school_year + 1, 1, 1), date(school_year + 1, 3, 31)
    return date(school_year + 1, 4, 1), date(school_year + 1, 8, 31)


def term_of(day: date) -> tuple[int, str]:
    """The school year and term ``day`` falls in."""
    if day.month >= 9:
        return day.year, Term.AUTUMN
    if day.month <= 3:
        return day.year - 1, Term.SPRING
    return day.year - 1, Term.SUMMER


def term_name(school_year: int, term: str) -> str:
    """ "the autumn term 2026/27"."""
    return f"the {Term(term).label.lower()} term {school_year_name(school_year)}"
