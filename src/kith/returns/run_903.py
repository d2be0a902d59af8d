"""Runs inside the SSDA903 validator's own environment (``make validators``), never in Kith's.

Usage: python run_903.py FOLDER YEAR LA_CODE [PREVIOUS_FOLDER]. Last year's files, when given, let
the rules that compare the two years run. Prints one JSON object per issue: the rule, the
child, the table and the rule's description; the caller (``kith.returns.validators``) reads them.
"""

import importlib
import json
import sys
from pathlib import Path

from lac_validator import lac_validator  # type: ignore[import-not-found]
from lac_validator.report import Report  # type: ignore[import-not-found]
from lac_validator.utils import process_uploaded_files  # type: ignore[import-not-found]


def main(folder: Path, year: str, la: str, previous: Path | None) -> None:
    uploads = {"This year": [str(path) for path in sorted(folder.glob("*.csv"))]}
    if previous is not None:
        uploads["Prev year"] = [str(path) for path in sorted(previous.glob("*.csv"))]
    files = process_uploaded_files(uploads)
    ruleset = f"lac{int(year) - 1}_{int(year) % 100:02d}"
    registry = importlib.import_module(f"lac_validator.rules.{ruleset}").registry
    validator = lac_validator.LacValidator(
        metadata={"collectionYear": year, "localAuthority": la}, files=files, registry=registry
    )
    report = Report(validator.ds_results, registry)
    try:
        issues = lac_validator.create_issue_df(report.report, report.error_report)
    except ValueError:
        # The validator's own report fails ("No objects to concatenate") when there is no issue at all.
        issues = None
    for _, row in issues.iterrows() if issues is not None else []:
        sys.stdout.write(
            json.dumps(
                {
                    "rule": str(row["rule_code"]),
                    "child": str(row["child_id"]),
                    "table": str(row["tables_affected"]),
                    "message": str(row["rule_description"]),
                }
            )
            + "\n"
        )
    for failed in validator.fails:
        failure = {"rule": str(failed), "child": "", "table": "", "message": "The rule failed to run"}
        sys.stdout.write(json.dumps(failure) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], sys.argv[3], Path(sys.argv[4]) if len(sys.argv) > 4 else None)
