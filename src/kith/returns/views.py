"""The returns page (generate, validate, download, with every run's history) and the data-quality view.

Generation and validation run within the request (see ``actions``). A validator that is not
installed, or that stops with an error, is said on the run's page: never a server error.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.form_problems import run_action
from kith.platform.rules import NotAllowed, RuleBroken
from kith.returns import actions, kinds, queries
from kith.returns.access import (
    can_fix_records,
    can_produce_returns,
    can_view_data_quality,
    children_for_data_quality,
    download_run_or_404,
    get_run_for_user_or_404,
    visible_among,
)
from kith.returns.data_quality import DataQualityIssue, counts_by, find_issues
from kith.returns.forms import DataQualityFilterForm, GenerateForm
from kith.returns.models import ReturnDownload, ReturnRun, ReturnValidation
from kith.returns.validators import ValidatorMissing
from kith.returns.years import SUPPORTED

NOT_HELD = "Not held by a team"
NO_WORKER = "No named worker"


def _year_under_way(today: date) -> int:
    """The collection year today falls in, or the latest Kith holds when it holds no later one."""
    ending = today.year if today.month < 4 else today.year + 1
    return ending if ending in SUPPORTED else max(SUPPORTED)


@dataclass(frozen=True)
class RunRow:
    run: ReturnRun
    title: str
    validation: ReturnValidation | None
    downloads: list[ReturnDownload]


@require_http_methods(["GET", "POST"])
def index(request: AuthenticatedRequest) -> HttpResponse:
    if not can_produce_returns(request.user):
        raise Http404("No such page")
    initial = {"kind": kinds.SSDA903.code, "year": str(_year_under_way(clock.today()))}
    form = GenerateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        run = run_action(
            form,
            lambda: actions.generate_return(data["kind"], year=data["year"], as_at=data.get("as_at"), by=request.user),
        )
        if run is not None:
            messages.success(
                request, f"{queries.describe(run)} generated: {queries.how_many(run.children, 'child', 'children')}"
            )
            return redirect("returns:run", run.pk)
    rows = [
        RunRow(
            run=run,
            title=kinds.title_of(run.kind),
            validation=queries.latest_validation(run),
            downloads=list(run.downloads.all()),
        )
        for run in queries.runs()
    ]
    context = {"form": form, "rows": rows, "asks_for_a_day": "as_at" in form.fields}
    return render(request, "returns/index.html", context)


def _run_page(request: AuthenticatedRequest, run: ReturnRun, *, problem: str = "") -> HttpResponse:
    validation = queries.latest_validation(run)
    issues = list(queries.issues_of(validation).select_related("person")) if validation else []
    context = {
        "run": run,
        "kind": kinds.get(run.kind),
        "title": queries.describe(run),
        "validation": validation,
        "issues": issues,
        "visible": visible_among(request.user, (issue.person_id for issue in issues)),
        "history": queries.history_of(run),
        "problem": problem,
        "notes": [line for line in run.notes.splitlines() if line],
    }
    return render(request, "returns/run.html", context)


@require_GET
def run_page(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _run_page(request, get_run_for_user_or_404(request.user, pk))


@require_POST
def validate(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    run = get_run_for_user_or_404(request.user, pk)
    title = kinds.title_of(run.kind)
    try:
        validation = actions.validate_return(run, by=request.user)
    except NotAllowed as refused:
        raise Http404("No such return") from refused
    except ValidatorMissing:
        return _run_page(
            request,
            run,
            problem=f"The {title} validator is not installed on this server, so the return has not been checked "
            "and nothing was recorded. Ask your system administrator to install it (make validators).",
        )
    except RuleBroken as broken:
        return _run_page(request, run, problem=str(broken))
    except RuntimeError:
        # The validator ran and stopped with an error of its own (validators.py keeps its output).
        return _run_page(
            request,
            run,
            problem=f"The {title} validator stopped with an error before it finished, so nothing was recorded. "
            "Try again; if it happens again, tell your system administrator.",
        )
    messages.success(
        request,
        f"Checked with {validation.ruleset}: {validation.errors} error{'s' if validation.errors != 1 else ''}, "
        f"{validation.queries} quer{'ies' if validation.queries != 1 else 'y'}",
    )
    return redirect("returns:run", run.pk)


@require_GET
def download(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    run = download_run_or_404(request.user, pk)
    response = HttpResponse(bytes(run.content), content_type=run.content_type)
    response["Content-Disposition"] = f'attachment; filename="{run.file_name}"'
    response["Cache-Control"] = "no-store"
    return response


# -- the data-quality view -------------------------------------------------------------------------


def _team_of(issue: DataQualityIssue) -> str:
    return issue.team.name if issue.team else NOT_HELD


def _worker_of(issue: DataQualityIssue) -> str:
    return issue.worker.full_name if issue.worker else NO_WORKER


@require_GET
def data_quality(request: AuthenticatedRequest) -> HttpResponse:
    """Live issues of the children in the user's scope, filterable by team and worker, counted at the top."""
    if not can_view_data_quality(request.user):
        raise Http404("No such page")
    today = clock.today()
    issues = find_issues(children_for_data_quality(request.user), on=today)
    teams = {issue.team.pk: issue.team for issue in issues if issue.team}
    workers = {issue.worker.pk: issue.worker for issue in issues if issue.worker}
    form = DataQualityFilterForm(request.GET or None, teams=list(teams.values()), workers=list(workers.values()))
    team = form.cleaned_data.get("team") if form.is_valid() else None
    worker = form.cleaned_data.get("worker") if form.is_valid() else None
    shown = [
        issue
        for issue in issues
        if (team is None or (issue.team is not None and issue.team.path.startswith(team.path)))
        and (worker is None or issue.worker == worker)
    ]
    context = {
        "form": form,
        "today": today,
        "issues": shown,
        "children": len({issue.child.pk for issue in shown}),
        "total": len(issues),
        "by_team": counts_by(issues, key=_team_of),
        "by_worker": counts_by(issues, key=_worker_of),
        "may_fix": can_fix_records(request.user),
    }
    return render(request, "returns/data_quality.html", context)
