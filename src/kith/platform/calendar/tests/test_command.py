"""``kith calendar``: the answer alone on stdout; bad input one line on stderr and exit status 2.

No database: the command object is called directly, as ``kith`` would call it.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kith.platform.calendar.management.commands.calendar import Command


def run(*args: str) -> str:
    out = StringIO()
    call_command(Command(), *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_add_working_days_prints_the_date_alone() -> None:
    # given / when
    printed = run("add-working-days", "2026-12-18", "15")
    # then
    assert printed == "2027-01-13\n"


def test_add_working_days_counts_backwards_for_a_negative_number() -> None:
    # given / when
    printed = run("add-working-days", "2027-01-13", "-15")
    # then
    assert printed == "2026-12-18\n"


def test_working_days_between_prints_the_number_alone() -> None:
    # given / when
    printed = run("working-days-between", "2026-12-18", "2027-01-13")
    # then
    assert printed == "15\n"


def test_holidays_lists_a_years_days_off_one_a_line() -> None:
    # given / when
    printed = run("holidays", "2026")
    # then Boxing Day, a Saturday, appears as its substitute Monday
    assert printed == (
        "2026-01-01 New Year's Day\n"
        "2026-04-03 Good Friday\n"
        "2026-04-06 Easter Monday\n"
        "2026-05-04 May Day\n"
        "2026-05-25 Spring Bank Holiday\n"
        "2026-08-31 Late Summer Bank Holiday\n"
        "2026-12-25 Christmas Day\n"
        "2026-12-28 Boxing Day (observed)\n"
    )


def test_holidays_for_the_first_year_covered() -> None:
    # given / when
    printed = run("holidays", "2000")
    # then
    assert printed.splitlines()[0] == "2000-01-03 New Year's Day (observed)"


@pytest.mark.parametrize(
    ("_case", "args", "message"),
    [
        (
            "not a date",
            ("add-working-days", "18/12/2026", "15"),
            "'18/12/2026' is not a date: write it as YYYY-MM-DD, such as 2026-12-18.",
        ),
        (
            "no such day",
            ("working-days-between", "2026-02-30", "2027-01-13"),
            "'2026-02-30' is not a date: write it as YYYY-MM-DD, such as 2026-12-18.",
        ),
        (
            "a compact ISO date",
            ("working-days-between", "2026-12-18", "20270113"),
            "'20270113' is not a date: write it as YYYY-MM-DD, such as 2026-12-18.",
        ),
        (
            "not a number",
            ("add-working-days", "2026-12-18", "fifteen"),
            "'fifteen' is not a whole number of working days, such as 15 or -3.",
        ),
        (
            "a fraction",
            ("add-working-days", "2026-12-18", "1.5"),
            "'1.5' is not a whole number of working days, such as 15 or -3.",
        ),
        (
            "counting past the calendar",
            ("add-working-days", "2040-12-18", "15"),
            "Kith's bank-holiday calendar covers 1 January 2000 to 31 December 2040; "
            "1 January 2041 is outside it. Regenerate it with `make calendar`.",
        ),
        (
            "a date past the calendar",
            ("working-days-between", "2026-12-18", "2041-03-03"),
            "Kith's bank-holiday calendar covers 1 January 2000 to 31 December 2040; "
            "3 March 2041 is outside it. Regenerate it with `make calendar`.",
        ),
        (
            "a year past the calendar",
            ("holidays", "2041"),
            "Kith's bank-holiday calendar covers 1 January 2000 to 31 December 2040; "
            "2041 is outside it. Regenerate it with `make calendar`.",
        ),
        (
            "not a year",
            ("holidays", "26"),
            "'26' is not a year: write it with four digits, such as 2026.",
        ),
    ],
)
def test_bad_input_is_refused_with_exit_status_2(_case: str, args: tuple[str, ...], message: str) -> None:
    # given / when
    with pytest.raises(CommandError) as refused:
        run(*args)
    # then
    assert (str(refused.value), refused.value.returncode) == (message, 2)


def test_from_the_command_line_bad_input_is_one_line_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    # given / when
    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(["kith", "calendar", "add-working-days", "2041-03-03", "1"])
    # then
    printed = capsys.readouterr()
    assert (exited.value.code, printed.out, printed.err) == (
        2,
        "",
        "CommandError: Kith's bank-holiday calendar covers 1 January 2000 to 31 December 2040; "
        "3 March 2041 is outside it. Regenerate it with `make calendar`.\n",
    )


def test_from_the_command_line_a_negative_number_is_a_count_not_an_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # given / when
    Command().run_from_argv(["kith", "calendar", "add-working-days", "2027-01-13", "-15"])
    # then
    printed = capsys.readouterr()
    assert (printed.out, printed.err) == ("2026-12-18\n", "")
