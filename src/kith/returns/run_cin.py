"""Runs inside the CIN census validator's own environment (``make validators``), never in Kith's.

Usage:
  python run_cin.py rules FILE RULESET   the sector's rules (e.g. cin2025_26) over a census XML file
  python run_cin.py schema FILE XSD      the file against an XML schema (lxml lives in this environment)

Prints one JSON object per issue: the rule (or "XSD"), the child, the table and the message; the caller
(``kith.returns.validators``) reads them.
"""

import contextlib
import importlib
import io
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from cin_validator import cin_validator  # type: ignore[import-not-found]
from lxml import etree  # type: ignore[import-untyped]

# The validator prints this, and carries on, when one of its own rules crashes.
RULE_CRASHED = re.compile(r"^Error with rule (\S+?):")


def _say(rule: str, child: str, table: str, message: str) -> None:
    sys.stdout.write(json.dumps({"rule": rule, "child": child, "table": table, "message": message}) + "\n")


def _text(value: object) -> str:
    text = str(value)
    return "" if text in {"nan", "<NA>", "None"} else text


def rules(path: Path, ruleset: str) -> None:
    registry = importlib.import_module(f"cin_validator.rules.{ruleset}").registry
    root = ET.parse(path).getroot()  # noqa: S314 - the census Kith wrote, read as the validator reads it
    tables = cin_validator.process_data(cin_validator.convert_data(root))
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        validator = cin_validator.CinValidator(tables, registry)
    seen = set()
    for _, row in validator.full_issue_df.iterrows():
        issue = (_text(row["rule_code"]), _text(row["child_id"]), _text(row["tables_affected"]))
        if issue not in seen:
            seen.add(issue)
            _say(*issue, _text(row["rule_description"]))
    # Issues about the whole return (the header, or counts across children) name no child.
    for _, row in validator.multichild_issues.iterrows():
        _say(_text(row["rule_code"]), "", "", _text(row["rule_description"]))
    for line in printed.getvalue().splitlines():
        crashed = RULE_CRASHED.match(line)
        if crashed:
            _say(crashed.group(1), "", "", "The rule failed to run")


def schema(path: Path, xsd: Path) -> None:
    checker = etree.XMLSchema(etree.parse(str(xsd)))
    if checker.validate(etree.parse(str(path))):
        return
    for error in checker.error_log:
        _say("XSD", "", f"line {error.line}", error.message)


if __name__ == "__main__":
    command, file, other = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    if command == "rules":
        rules(file, other)
    elif command == "schema":
        schema(file, Path(other))
    else:
        sys.exit(f"Unknown command {command!r}: use rules or schema")
