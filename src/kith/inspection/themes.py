"""Themes of improvement, for finding what other councils were told to improve ("supervision", "care leavers").

Each theme lists the words (regular expressions, matched from the start of a word) that put
an item under it; an item may fall under several. Themes are given to each item when its
report is imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    code: str
    title: str
    words: tuple[str, ...]

    @property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(self.words) + r")", re.IGNORECASE)


THEMES = (
    Theme(
        "front_door",
        "Front door, referrals and thresholds",
        (
            "referral",
            "threshold",
            "front door",
            "contact",
            "duty team",
            "out of hours",
            "emergency duty",
            "edt",
            "police protection",
            "strategy (?:meeting|discussion)",
        ),
    ),
    Theme("assessment", "Assessment", ("assessment",)),
    Theme(
        "planning", "Plans and planning", ("plan\\b", "plans\\b", "planning", "objectives", "contingency", "permanence")
    ),
    Theme("recording", "Recording and case records", ("record", "electronic", "case file", "documented", "chronolog")),
    Theme(
        "oversight",
        "Supervision and management oversight",
        ("supervision", "management oversight", "oversight", "manager"),
    ),
    Theme(
        "voice",
        "Children's voice, participation and complaints",
        ("views", "voice", "wishes", "complain", "advoca", "participat", "attend their review", "shared with"),
    ),
    Theme(
        "health",
        "Health",
        ("health", "nhs", "nurse", "gp\\b", "clinician", "a&e", "accident and emergency", "camhs", "paediatric"),
    ),
    Theme("education", "Education", ("education", "school", "virtual head", "virtual school", "learning")),
    Theme(
        "children_in_care",
        "Children in care",
        ("looked after", "children in care", "care plan", "corporate parent", "placement", "fostering", "foster"),
    ),
    Theme(
        "care_leavers",
        "Care leavers",
        ("care leaver", "leaving care", "pathway plan", "personal adviser", "local offer", "care leavers offer"),
    ),
    Theme(
        "partnership",
        "Partnership and governance",
        (
            "board",
            "partnership",
            "partners",
            "lscb",
            "hscb",
            "safeguarding children board",
            "governance",
            "representation",
            "child death overview",
            "cdop",
        ),
    ),
    Theme(
        "workforce",
        "Workforce, training and caseloads",
        ("training", "workforce", "caseload", "qualified social worker", "recruit", "capacity", "staff"),
    ),
    Theme(
        "quality_assurance",
        "Quality assurance, audit and data",
        ("audit", "quality assurance", "performance management", "data", "monitor", "evaluat"),
    ),
    Theme(
        "identity",
        "Identity, culture and equality",
        ("identity", "ethnicity", "culture", "cultural", "religio", "diversity"),
    ),
    Theme("housing", "Housing and accommodation", ("housing", "accommodation", "homeless", "supported lodging")),
    Theme("youth_justice", "Offending, custody and youth justice", ("offending", "custody", "youth justice", "prison")),
    Theme("domestic_abuse", "Domestic abuse", ("domestic (?:violence|abuse)",)),
    Theme("early_help", "Early help and prevention", ("early help", "preventi", "prevent\\b")),
)


def themes_of(text: str) -> list[str]:
    """The codes of the themes an item's text falls under, in the list's order."""
    return [theme.code for theme in THEMES if theme.pattern.search(text)]


def choices() -> list[tuple[str, str]]:
    return [(theme.code, theme.title) for theme in THEMES]


def title_of(code: str) -> str:
    return next((theme.title for theme in THEMES if theme.code == code), code)
