"""The report's facts: the council, the inspection dates, the publication date and the lead inspector."""

from __future__ import annotations

import re
from datetime import date

from kith.inspection.reading.authorities import authority_key, authority_name
from kith.inspection.reading.dates import date_range, dates_in, is_only_a_date
from kith.inspection.reading.errors import MissingFacts
from kith.inspection.reading.lines import Line
from kith.inspection.reading.table import original_words
from kith.inspection.reading.vocabulary import Reading, whole

# Facts are near the top: this many lines are searched for their labels.
FACT_LINES = 120
_DATES_LABEL = re.compile(
    r"^(?:inspection dates?|dates? of (?:the )?inspection|inspection took place|fieldwork(?: dates?)?|"
    r"dates? of fieldwork|on[- ]site dates?)\s*[:\-–]?\s*(?P<rest>.*\d.*)$",
    re.I,
)
_DATES_SENTENCE = re.compile(
    r"(?:conducted|carried out|took place|undertaken|inspected)\s+(?:on|between|from)\s+(?P<rest>[^.;]*\d{4})", re.I
)
_PUBLISHED_LABEL = re.compile(
    r"^(?:published|publication date|date (?:of )?publication|date published|report published|date of report|"
    r"report date)\s*(?:on)?\s*[:\-–]?\s*(?P<rest>.*\d.*)$",
    re.I,
)
_LEAD_LABEL = re.compile(r"^(?:lead|reporting|managing)\s+inspectors?\s*[:\-–]?\s*(?P<name>[A-Z].*)$", re.I)
_INSPECTOR_SUFFIX = re.compile(
    r"\s*,?\s*(?:(?:his|her)\s+majesty'?s\s+inspector(?:\s+\(hmi\))?|senior\s+hmi|hmi|ofsted\s+inspector)\s*\.?$",
    re.I,
)
_LABEL_AUTHORITY = re.compile(r"^(?:local authority|council|authority)\s*[:\-–]\s*(?P<name>.+)$", re.I)
_COUNCIL_IN_TEXT = re.compile(
    r"\b(?P<name>[A-Z][A-Za-z'.-]*(?:\s+(?:and|upon|on|under|le|in|of|[A-Z][A-Za-z'.-]*)){0,4}?)\s+"
    r"(?:Metropolitan\s+Borough|Borough|County|City|District)\s+Council\b"
)


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def authority(reading: Reading, title: tuple[str, int, re.Match[str]] | None, from_table: list[str]) -> str:
    """The council the report is about; a warning when the report names more than one.

    ``title`` is the title's text, the index of its last line, and its framework pattern's match.
    """
    lines = reading.lines
    candidates: list[tuple[str, str]] = []
    if title is not None and title[2].groupdict().get("authority"):
        candidates.append(("the title", original_words(title[0], title[2].group("authority"))))
    if reading.framework.authority_after_title and title is not None:
        following = reading.next_text(title[1])
        if following is not None and _looks_like_a_name(following.text):
            candidates.append(("the line after the title", following.text))
    candidates += [("the summary table's heading", name) for name in from_table]
    for line in lines[:FACT_LINES]:
        labelled = _LABEL_AUTHORITY.match(whole(line))
        if labelled:
            candidates.append(("the report's details", labelled.group("name")))
    if not candidates:
        in_text = _COUNCIL_IN_TEXT.search("\n".join(line.text for line in lines[: FACT_LINES * 2]))
        if in_text:
            candidates.append(("the text", in_text.group("name")))
    if not candidates:
        raise MissingFacts(
            "Kith could not find which council the report is about (it looks in the title, the line after it, the "
            "summary table's heading and a label such as “Local authority:”), so nothing was imported."
        )
    names = [(where, authority_name(name)) for where, name in candidates]
    if len({authority_key(name) for _, name in names}) > 1:
        listed = "; ".join(f"“{name}” in {where}" for where, name in names)
        reading.warn(f"The report names more than one council ({listed}); Kith used “{names[0][1]}”.")
    return names[0][1]


def _looks_like_a_name(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 6
        and not any(character.isdigit() for character in text)
        and ":" not in text
        and text[:1].isupper()
    )


def inspection_dates_in(lines: list[Line]) -> tuple[date, date] | None:
    """The first and last day of the inspection: from a label near the top, or a sentence saying when it was."""
    for line in lines[:FACT_LINES]:
        labelled = _DATES_LABEL.match(whole(line))
        found = date_range(labelled.group("rest")) if labelled else None
        if found:
            return found
    for line in lines[:FACT_LINES]:
        sentence = _DATES_SENTENCE.search(line.text)
        found = date_range(sentence.group("rest")) if sentence else None
        if found:
            return found
    return None


def inspection_dates(reading: Reading) -> tuple[date, date]:
    found = inspection_dates_in(reading.lines)
    if found is None:
        raise MissingFacts(
            "Kith could not find the inspection dates (it looks for “Inspection dates: …” near the top, or a sentence "
            "such as “conducted on 24 and 25 November 2009”), so nothing was imported."
        )
    start, end = found
    if end < start:
        raise MissingFacts(
            f"The inspection dates read as {long_date(start)} to {long_date(end)}, which end before they start, so "
            "nothing was imported. Check the dates in the report."
        )
    return start, end


def published(reading: Reading, *, timed: bool) -> date | None:
    """The publication date, or the date a letter opens with; a warning when there is neither."""
    for line in reading.lines[:FACT_LINES]:
        labelled = _PUBLISHED_LABEL.match(whole(line))
        found = dates_in(labelled.group("rest")) if labelled else []
        if found:
            return found[0]
    for line in [line for line in reading.lines if not line.blank][:5]:
        if is_only_a_date(line.text):
            return dates_in(line.text)[0]
    reading.warn(
        "The report gives no publication date; enter it on the inspection's page when it is known."
        + (
            " Items with a timescale are due a set time after publication, so their due dates wait for it."
            if timed
            else ""
        )
    )
    return None


def lead_inspector(lines: list[Line]) -> str:
    for line in lines[:FACT_LINES]:
        labelled = _LEAD_LABEL.match(whole(line))
        name = _INSPECTOR_SUFFIX.sub("", labelled.group("name")).strip(" ,.") if labelled else ""
        if name:
            return name
    return ""
