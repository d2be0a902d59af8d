"""Small invented reports (pieces in snippets_data/) in the shapes real ones come in; every name is made up."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent / "snippets_data"


def _piece(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


ILACS_TABLE = _piece("ilacs-table.txt")

ILACS_BODY = _piece("ilacs-body.txt")


def ilacs(*, table: str = ILACS_TABLE, body: str = ILACS_BODY, council: str = "Northbridge") -> str:
    return f"""\
Inspection of {council} local authority children's services

Inspection dates: 4 to 8 March 2024

Lead inspector: Ada Quill, His Majesty's Inspector

Published: 19 April 2024

{table}
Since the last inspection in 2019, leaders have made steady progress.

{body}"""


SLAC_RECORD = _piece("slac-record.txt")

SLAC_SAFEGUARDING = _piece("slac-safeguarding.txt")

SLAC_LOOKED_AFTER = _piece("slac-looked-after.txt")


def slac(
    *,
    record: str = SLAC_RECORD,
    safeguarding: str = SLAC_SAFEGUARDING,
    looked_after: str = SLAC_LOOKED_AFTER,
    title: str = "Inspection of safeguarding and looked after children services",
) -> str:
    return f"""\
{title}

Northbridge

Inspection dates 11 October to 22 October 2010

Reporting inspector Ben Marsh HMI

Published: 19 November 2010

Contents

The inspection outcomes: safeguarding services\t5
Areas for improvement\t8
Record of main findings\t30

{safeguarding}
{looked_after}
{record}"""


LETTER = _piece("letter.txt")
