"""Generating and validating a return: the file and its checksum kept as a new run, every issue kept, refusals."""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from datetime import date, datetime

import openpyxl
import pytest
from django.db import DatabaseError, transaction

from kith.platform.reference.ssda903 import PreviousPermanence
from kith.platform.rules import NotAllowed, RuleBroken
from kith.returns.actions import generate_return, validate_return
from kith.returns.models import ReturnActivity, ReturnRun, ReturnValidation, Severity, ValidationIssue
from kith.returns.tests.conftest import a_child, a_child_in_care_twice, a_list_as_at_a_day
from kith.returns.validators import VALIDATOR_903, VALIDATOR_CIN
from kith.workforce.tests.fixtures import Authority
from tests.casework import given_looked_after_child, given_referral

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_1_november_2027")]


def _table(run: ReturnRun, name: str) -> list[dict[str, str]]:
    with zipfile.ZipFile(io.BytesIO(bytes(run.content))) as zipped:
        return list(csv.DictReader(io.StringIO(zipped.read(f"{name}.csv").decode("utf-8"))))


def test_generating_the_903_keeps_the_zipped_files_their_checksum_and_counts(authority: Authority) -> None:
    # given Ruby, looked after since 4 January 2027
    ruby = a_child(authority, "Ruby", "Hale")
    given_looked_after_child(ruby, authority.social_worker, on=date(2027, 1, 4))
    # when the analyst generates the 2026-27 return
    run = generate_return("ssda903", year=2027, by=authority.analyst.user)
    # then
    run.refresh_from_db()
    content = bytes(run.content)
    assert (run.kind, run.collection_year, run.as_at, run.file_name, run.content_type) == (
        "ssda903",
        2027,
        date(2027, 3, 31),
        "ssda903_2027.zip",
        "application/zip",
    )
    assert (run.generated_by, run.children, run.size) == (authority.analyst, 1, len(content))
    assert run.checksum == hashlib.sha256(content).hexdigest()
    with zipfile.ZipFile(io.BytesIO(content)) as zipped:
        assert zipped.namelist()[:3] == ["header.csv", "episodes.csv", "reviews.csv"]
    assert [(row["CHILD"], row["SEX"], row["ETHNIC"]) for row in _table(run, "header")] == [(ruby.kith_id, "F", "WBRI")]
    assert [(row["DECOM"], row["LS"]) for row in _table(run, "episodes")] == [("04/01/2027", "V2")]
    # a header row, an episode, her care's previous permanence (it began in the year), a social worker episode
    assert run.rows == 4
    assert (
        run.notes == "The DoLo table (deprivation of liberty orders) is not yet recorded by Kith: it is written empty."
    )
    assert list(ReturnActivity.objects.values_list("code", "summary", "recorded_by")) == [
        (
            "returns.generated",
            "SSDA903 (children looked after), 2026 to 2027: 1 child, 4 rows across the tables",
            authority.analyst.user_id,
        )
    ]


def test_a_second_run_keeps_the_first_as_it_was(authority: Authority) -> None:
    # given a first run, before Ruby came into care
    ruby = a_child(authority, "Ruby", "Hale")
    first = generate_return("ssda903", year=2027, by=authority.analyst.user)
    first_content = bytes(ReturnRun.objects.get(pk=first.pk).content)
    given_looked_after_child(ruby, authority.social_worker, on=date(2027, 1, 4))
    # when the return is generated again
    second = generate_return("ssda903", year=2027, by=authority.service_manager.user)
    # then both are kept, the first unchanged
    kept = {run.pk: run for run in ReturnRun.objects.all()}
    assert sorted(kept) == [first.pk, second.pk]
    assert (bytes(kept[first.pk].content), kept[first.pk].children) == (first_content, 0)
    assert (kept[second.pk].children, kept[second.pk].generated_by) == (1, authority.service_manager)
    # and the database refuses to change or delete a run
    with pytest.raises(DatabaseError), transaction.atomic():
        ReturnRun.objects.filter(pk=first.pk).update(content=b"tidied away")
    with pytest.raises(DatabaseError), transaction.atomic():
        ReturnRun.objects.filter(pk=first.pk).delete()


def test_the_cin_census_is_kept_as_its_xml_file(authority: Authority) -> None:
    # given Ruby, referred on 2 February 2027
    ruby = a_child(authority, "Ruby", "Hale")
    given_referral(ruby, authority.social_worker, on=date(2027, 2, 2))
    # when
    run = generate_return("cin_census", year=2027, by=authority.analyst.user)
    # then
    run.refresh_from_db()
    content = bytes(run.content)
    assert (run.file_name, run.content_type, run.children, run.rows) == (
        "cin_census_2027.xml",
        "application/xml",
        1,
        1,
    )
    assert content.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<Message>")
    assert f"<LAchildID>{ruby.kith_id}</LAchildID>".encode() in content
    assert run.checksum == hashlib.sha256(content).hexdigest()


def test_a_social_worker_may_not_generate_a_return(authority: Authority) -> None:
    # when / then
    with pytest.raises(NotAllowed):
        generate_return("ssda903", year=2027, by=authority.social_worker.user)
    assert (ReturnRun.objects.count(), ReturnActivity.objects.count()) == (0, 0)


def test_a_year_kith_does_not_hold_and_an_unknown_return_are_refused(authority: Authority) -> None:
    # when
    with pytest.raises(RuleBroken) as refused:
        generate_return("annex_z", year=2031, by=authority.analyst.user)
    # then
    assert refused.value.problems == {
        "kind": ["Choose a return"],
        "year": ["Choose a collection year Kith holds: 2024 to 2025, 2025 to 2026, 2026 to 2027"],
    }
    assert ReturnRun.objects.count() == 0


def test_validating_the_903_keeps_every_issue_with_the_child_it_names(authority: Authority) -> None:
    if not VALIDATOR_903.exists():
        pytest.fail("The SSDA903 validator is not installed: `make test` runs `make validators` first")
    # given Ruby, looked after since 4 January 2027, whose sex was never recorded
    ruby = a_child(authority, "Ruby", "Hale", sex="U")
    given_looked_after_child(ruby, authority.social_worker, on=date(2027, 1, 4))
    run = generate_return("ssda903", year=2027, by=authority.analyst.user)
    # when
    validation = validate_return(run, by=authority.analyst.user)
    # then
    validation.refresh_from_db()
    assert (validation.run, validation.validated_by, validation.ruleset) == (run, authority.analyst, "lac2026_27")
    issues = ValidationIssue.objects.filter(validation=validation)
    assert sorted(issues.filter(severity=Severity.ERROR).values_list("rule", "table", "child_in_return", "person")) == [
        ("232", "Header", ruby.kith_id, ruby.pk),
        ("630", "Episodes", ruby.kith_id, ruby.pk),
    ]
    # The rules the validator itself fails to run are kept too, named as such (test_ssda903's UPSTREAM_FAILURES).
    assert sorted(issues.filter(severity=Severity.NOT_RUN).values_list("rule", flat=True)) == [
        "231",
        "233",
        "706",
        "709",
        "710",
    ]
    assert (validation.errors, validation.queries, validation.not_run) == (2, 0, 5)
    assert ReturnActivity.objects.filter(code="returns.validated").get().summary == (
        "SSDA903 (children looked after), 2026 to 2027, checked with lac2026_27: 2 errors, 0 queries"
    )


def test_an_issue_no_record_can_meet_is_kept_apart_from_the_errors_with_why(authority: Authority) -> None:
    if not VALIDATOR_903.exists():
        pytest.fail("The SSDA903 validator is not installed: `make test` runs `make validators` first")
    # given Ruby, looked after from 4 January 2027, home on 1 February and back in care on 1 March, moving each
    # time, her previous permanence asked: SW12STG2 holds her one worker's episode to both periods
    ruby = a_child_in_care_twice(authority, "Ruby", previous_permanence=PreviousPermanence.NONE)
    run = generate_return("ssda903", year=2027, by=authority.analyst.user)
    # when
    validation = validate_return(run, by=authority.analyst.user)
    # then the issue is kept, with why no record can meet it, and the return has no error to put right
    issue = ValidationIssue.objects.exclude(severity=Severity.NOT_RUN).get(validation=validation)
    assert (issue.rule, issue.severity, issue.person) == ("SW12STG2", Severity.CANNOT_BE_MET, ruby)
    assert issue.explanation.startswith(
        "No full record can meet this rule: the validator wants every social worker episode to begin on or after "
        "01/03/2027, when the child's care began again, and one began on 04/01/2027, before it."
    )
    assert (validation.errors, validation.queries, validation.cannot_be_met, validation.not_run) == (0, 0, 1, 5)
    assert validation.passed
    assert ReturnActivity.objects.filter(code="returns.validated").get().summary == (
        "SSDA903 (children looked after), 2026 to 2027, checked with lac2026_27: 0 errors, 0 queries, "
        "1 no record can meet"
    )


def test_validating_the_census_keeps_its_queries_apart_from_its_errors(authority: Authority) -> None:
    if not VALIDATOR_CIN.exists():
        pytest.fail("The CIN census validator is not installed: `make test` runs `make validators` first")
    # given Ruby, referred on 2 February 2027, with everything the census asks recorded
    ruby = a_child(authority, "Ruby", "Hale")
    given_referral(ruby, authority.social_worker, on=date(2027, 2, 2))
    run = generate_return("cin_census", year=2027, by=authority.analyst.user)
    # when
    validation = validate_return(run, by=authority.analyst.user)
    # then only the query every small return raises: fewer than 8 disability codes used in it
    issues = list(
        ValidationIssue.objects.filter(validation=validation).values_list("rule", "severity", "child_in_return")
    )
    assert validation.ruleset == "cin2026_27"
    assert issues == [("2887Q", Severity.QUERY, "")]
    assert (validation.errors, validation.queries, validation.not_run) == (0, 1, 0)


def test_a_social_worker_may_not_validate_a_return(authority: Authority) -> None:
    # given
    run = generate_return("ssda903", year=2027, by=authority.analyst.user)
    # when / then
    with pytest.raises(NotAllowed):
        validate_return(run, by=authority.social_worker.user)
    assert ReturnValidation.objects.count() == 0


def test_without_the_validator_nothing_is_recorded(authority: Authority, monkeypatch: pytest.MonkeyPatch) -> None:
    # given a server where the validator was never installed
    from kith.returns import validators
    from kith.returns.validators import ValidatorMissing

    monkeypatch.setattr(validators, "VALIDATOR_903", validators.ROOT / "var" / "no-such-validator" / "python")
    run = generate_return("ssda903", year=2027, by=authority.analyst.user)
    # when / then
    with pytest.raises(ValidatorMissing):
        validate_return(run, by=authority.analyst.user)
    assert (ReturnValidation.objects.count(), ReturnActivity.objects.filter(code="returns.validated").count()) == (0, 0)


def test_a_return_as_at_a_day_joins_the_page_with_one_entry(
    authority: Authority, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a return as at a day, registered
    a_list_as_at_a_day(monkeypatch)
    # when it is generated as at 1 October 2027
    run = generate_return("a_list", as_at=date(2027, 10, 1), by=authority.analyst.user)
    # then
    run.refresh_from_db()
    assert (run.as_at, run.collection_year, run.period_label, run.file_name, bytes(run.content)) == (
        date(2027, 10, 1),
        None,
        "As at 1 October 2027",
        "list_2027-10-01.csv",
        b"CHILD\n",
    )


def test_a_return_as_at_a_day_needs_the_day_and_no_later_than_today(
    authority: Authority, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_list_as_at_a_day(monkeypatch)
    with pytest.raises(RuleBroken) as without:
        generate_return("a_list", by=authority.analyst.user)
    with pytest.raises(RuleBroken) as tomorrow:
        generate_return("a_list", as_at=date(2027, 11, 2), by=authority.analyst.user)
    assert without.value.problems == {"as_at": ["Enter the date the A list is as at"]}
    assert tomorrow.value.problems == {"as_at": ["The date the A list is as at must be today or in the past"]}
    assert ReturnRun.objects.count() == 0


def test_a_return_with_no_sector_validator_is_not_validated(
    authority: Authority, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_list_as_at_a_day(monkeypatch)
    run = generate_return("a_list", as_at=date(2027, 10, 1), by=authority.analyst.user)
    with pytest.raises(RuleBroken) as refused:
        validate_return(run, by=authority.analyst.user)
    assert refused.value.problems == {"run": ["Kith holds no sector validator for A list"]}
    assert ReturnValidation.objects.count() == 0


def test_annex_a_is_generated_as_at_the_inspection_date_as_a_workbook_of_every_list(authority: Authority) -> None:
    # given Ruby, referred on 3 May 2027
    ruby = a_child(authority, "Ruby", "Hale")
    given_referral(ruby, authority.social_worker, on=date(2027, 5, 3))
    # when the analyst generates Annex A for an inspection on 1 October 2027
    run = generate_return("annex_a", as_at=date(2027, 10, 1), by=authority.analyst.user)
    # then the workbook holds every list, and Ruby's referral in List 3
    workbook = openpyxl.load_workbook(io.BytesIO(bytes(run.content)))
    assert workbook.sheetnames == [f"List {number}" for number in range(1, 12)]
    referrals = list(workbook["List 3"].iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[5]) for row in referrals] == [(ruby.kith_id, datetime(2027, 5, 3))]
    assert (run.file_name, run.as_at, run.collection_year) == ("annex_a_2027-10-01.xlsx", date(2027, 10, 1), None)
