"""A report's text as clean lines, whatever shape it came in.

Reports arrive as plain text copied from Ofsted's PDFs, as markdown, as HTML fragments, or
as a PDF's text layer. This module turns each into the same list of :class:`Line`: table
rows (tab-separated or markdown pipes) split into cells, bullets marked and stripped of
their marker, markdown headings and emphasis removed, page numbers dropped, and lines that a
page break or a hard wrap cut in two joined again when the second part starts in lower case.
It knows nothing of any framework; ``kith.inspection.reading.report`` reads the lines.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

# Characters word processors and PDFs use as bullets (including the private-use ones of the Symbol font).
BULLETS = "-*+•▪●◦■□➢►–—·\uf0b7\uf0a7\uf076\uf0d8"
_BULLET_START = re.compile(r"^\s*[" + re.escape(BULLETS) + r"]\s+")
# A bullet in the middle of a line: several list items run together (a flattened HTML list).
_BULLET_INSIDE = re.compile(r"\s+[•▪●◦■□➢►\uf0b7\uf0a7]\s+")
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MARKDOWN_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_DASHES_ONLY = re.compile(r"^[\s\t\-–—_=|.]*$")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*$", re.IGNORECASE)
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_HTML_BLOCK_END = re.compile(r"</?(?:p|li|tr|div|h[1-6]|ul|ol|table)(?:\s[^<>]*)?>|<br\s*/?>", re.IGNORECASE)
_HTML_CELL_END = re.compile(r"</t[dh]\s*>", re.IGNORECASE)
_HTML_ITEM = re.compile(r"<li(?:\s[^<>]*)?>", re.IGNORECASE)
_HTML_HEADING = re.compile(r"<h[1-6](?:\s[^<>]*)?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
TERMINAL = (".", "!", "?", ":", ";")
# Blank lines that may separate the halves of a sentence cut by a page break.
MAX_GAP = 4


@dataclass
class Line:
    number: int  # the line's position in the cleaned text, counted from 1, for messages
    text: str
    cells: tuple[str, ...] = ()  # the cells of a table row, in order (a trailing empty cell dropped)
    tabular: bool = False  # a table row, even when only its first cell has text
    bullet: bool = False
    marked_heading: bool = False  # a markdown (#) or HTML (<h2>) heading

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def ends_sentence(self) -> bool:
        return self.text.rstrip(")\"'’”").endswith(TERMINAL)


def _clean(text: str) -> str:
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return _SPACES.sub(" ", text.replace("’", "'").replace("‘", "'")).strip()


def _from_html(text: str) -> str:
    if not _HTML_TAG.search(text):
        return text
    text = _HTML_ITEM.sub("\n- ", text)
    text = _HTML_HEADING.sub("\n# ", text)
    text = _HTML_BLOCK_END.sub("\n", text)
    text = _HTML_CELL_END.sub("\t", text)
    return html.unescape(_HTML_TAG.sub(" ", text))


def _split_run_together_bullets(raw: str) -> list[str]:
    parts = _BULLET_INSIDE.split(raw)
    if len(parts) == 1:
        return [raw]
    first, rest = parts[0], parts[1:]
    return ([first] if first.strip() else []) + [f"- {part}" for part in rest]


def _line(number: int, raw: str) -> Line | None:
    """One cleaned line, or None for a line that carries nothing (a rule, a page number)."""
    if _MARKDOWN_RULE.match(raw) or (_DASHES_ONLY.match(raw) and raw.strip()) or _PAGE_NUMBER.match(raw):
        return None
    marked = False
    heading = _MARKDOWN_HEADING.match(raw)
    if heading:
        raw, marked = heading.group(1), True
    raw = _EMPHASIS.sub("", _LINK.sub(r"\1", raw))
    stripped = raw.strip()
    if stripped.startswith("|") or (" | " in stripped and stripped.count("|") >= 2):
        cells = [_clean(cell) for cell in stripped.strip("|").split("|")]
        return _row(number, cells)
    if "\t" in raw:
        return _row(number, [_clean(cell) for cell in raw.split("\t")])
    bullet = bool(_BULLET_START.match(raw)) and not marked
    text = _clean(_BULLET_START.sub("", raw, count=1) if bullet else raw)
    return Line(number, text, bullet=bullet, marked_heading=marked)


def _row(number: int, cells: list[str]) -> Line | None:
    while cells and not cells[-1]:
        cells.pop()
    while cells and not cells[0]:
        cells.pop(0)
    if not cells:
        return Line(number, "")
    if len(cells) == 1 and _BULLET_START.match(cells[0] + " "):
        return None
    return Line(number, "\t".join(cells), cells=tuple(cells), tabular=True)


def split_lines(text: str) -> list[Line]:
    """The text as cleaned lines (blank lines kept: they show where paragraphs and pages end)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = _from_html(text)
    lines: list[Line] = []
    for raw in text.split("\n"):
        for part in _split_run_together_bullets(raw):
            made = _line(len(lines) + 1, part)
            if made is not None:
                lines.append(made)
    return join_broken_lines(lines)


def _continues(previous: Line, following: Line) -> bool:
    """Whether ``following`` is the rest of ``previous``, cut by a wrap or a page break."""
    if previous.tabular or following.tabular or previous.marked_heading or following.bullet:
        return False
    if previous.ends_sentence:
        return False
    first = following.text[:1]
    return first.islower() or (first in "(,'\"" and following.text[1:2].islower())


def join_broken_lines(lines: list[Line]) -> list[Line]:
    """Join each line whose sentence runs on (over blank lines) into a line that starts in lower case."""
    joined: list[Line] = []
    gap = 0
    for line in lines:
        if line.blank:
            gap += 1
            joined.append(line)
            continue
        previous = _last_text(joined)
        if previous is not None and gap <= MAX_GAP and _continues(previous, line):
            glue = "" if previous.text.endswith("-") and previous.text[-2:-1].isalpha() else " "
            previous.text = f"{previous.text}{glue}{line.text}"
            # the blank lines of the break go with it
            while joined and joined[-1].blank:
                joined.pop()
        else:
            joined.append(line)
        gap = 0
    return [
        Line(number, line.text, line.cells, line.tabular, line.bullet, line.marked_heading)
        for number, line in enumerate(joined, start=1)
    ]


def _last_text(lines: list[Line]) -> Line | None:
    for line in reversed(lines):
        if not line.blank:
            return line
    return None
