"""Issues the sector's validator raises that no true record of the child could avoid.

Such an issue is not a fault in the return: every way of writing the child's history in full breaks
the rule. Kith keeps the issue, says why it cannot be met, and does not count it among the errors
the council has to put right. It is still the validator's to raise, so the analyst sees it and can
explain it to the DfE.

The reasoning below was checked against csc-validator-be-903 0.1.17. A later version may mend the
rule, and then its entry here should go.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from kith.returns.ssda903 import DAY_FORMAT, day
from kith.returns.years import CollectionYear

VALIDATOR = "csc-validator-be-903 0.1.17"
# Episodes of short breaks (legal statuses V3 and V4): SW12STG2 leaves them out.
SHORT_BREAKS = frozenset({"V3", "V4"})
# Reason an episode ended: another episode of the same care followed it.
SAME_CARE_GOES_ON = "X1"
# Reason a new episode began: care started.
CARE_STARTED = "S"


@dataclass(frozen=True)
class _Episode:
    began: date
    # Blank in the return while the episode is open; the rule reads that as 31 March.
    ended: date
    began_care: bool
    ended_care: bool


def _day(text: str) -> date | None:
    return datetime.strptime(text, DAY_FORMAT).date() if text else None  # noqa: DTZ007 - a calendar day


def _read(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as found:
        return list(csv.DictReader(found))


def sw12stg2_cannot_be_met(folder: Path, year: CollectionYear) -> dict[str, str]:
    """The children of the 903 in ``folder`` whom SW12STG2 fails only because their care ended and
    began again, each with why.

    SW12STG2's message asks for every social worker episode of the year, "even those whilst they were
    not looked after". Its check pairs every episode that began care (RNE S) or ended it (REC not X1)
    with every worker episode of the child, and wants each pair to pass one of two tests:
    - the worker episode began on or after the episode began, the episode having begun care; or
    - it began on or before the episode ended, care not going on in another episode (REC not X1; an
      open episode is read as ending on 31 March).

    So care that began with a placement later changed (RNE S, REC X1) fails against a worker episode
    begun before it, and care that ended after a change of placement fails against a worker episode
    begun after it. Within one period of care the return meets that by starting a worker's episode on
    the day care began, as the rule wants. With two periods, a worker episode of the one fails against
    the other, and only leaving worker episodes out would pass, which the rule's message says not to
    do. Those are the children named here: two or more periods of care in the rule's window (episodes
    ending no earlier than a year before the collection year began, or still open; care going on from
    before the return's first episode counts as one), with a worker episode, none from before care
    began. Every pair such a child fails is a worker episode against a period of care it is not in.
    """
    window_starts = year.start - timedelta(days=365)
    episodes: dict[str, list[_Episode]] = defaultdict(list)
    for row in _read(folder, "episodes"):
        began, ended = _day(row["DECOM"]), _day(row["DEC"]) or year.end
        assert began is not None  # every episode has its start
        if row["LS"] not in SHORT_BREAKS and ended >= window_starts:
            episodes[row["CHILD"]].append(
                _Episode(began, ended, row["RNE"] == CARE_STARTED, row["REC"] != SAME_CARE_GOES_ON)
            )
    worker_episodes: dict[str, list[date]] = defaultdict(list)
    for row in _read(folder, "sw_episodes"):
        began = _day(row["SW_DECOM"])
        if began is not None:
            worker_episodes[row["CHILD"]].append(began)
    reasons = {}
    for child, theirs in episodes.items():
        theirs.sort(key=lambda episode: episode.began)
        workers = worker_episodes.get(child, [])
        # Care goes on from before the return's first episode unless that episode began it.
        first_began = theirs[0].began if theirs[0].began_care else None
        periods = sum(episode.began_care for episode in theirs) + (first_began is None)
        if periods < 2 or not workers or (first_began is not None and min(workers) < first_began):
            # One period of care, no worker at all, or a worker episode from before care began: the
            # return can meet the rule, so the issue is the council's to look at.
            continue
        # The rule looks only at the episodes that began or ended care.
        looked_at = [episode for episode in theirs if episode.began_care or episode.ended_care]
        failing = [(episode, worker) for episode in looked_at for worker in workers if not _passes(episode, worker)]
        if failing:
            reasons[child] = _why(*failing[0])
    return reasons


def _passes(episode: _Episode, worker_began: date) -> bool:
    """The rule's test of one episode against one worker episode."""
    if episode.began_care and worker_began >= episode.began:
        return True
    return episode.ended_care and worker_began <= episode.ended


def _why(episode: _Episode, worker_began: date) -> str:
    if episode.began_care:
        clash = (
            f"the validator wants every social worker episode to begin on or after {day(episode.began)}, "
            f"when the child's care began again, and one began on {day(worker_began)}, before it"
        )
    else:
        clash = (
            f"the validator wants every social worker episode to begin on or before {day(episode.ended)}, "
            f"when a period of the child's care ended, and one began on {day(worker_began)}, after it"
        )
    return (
        f"No full record can meet this rule: {clash}. Only leaving worker episodes out would pass, which the "
        f"rule's own message says not to do. The record is right: explain it to the DfE if they raise it "
        f"({VALIDATOR})."
    )


# The SSDA903 rules Kith knows can be raised against a true record: for each, which children of the
# return in a folder no record could have kept from it, with why.
CANNOT_BE_MET_903: dict[str, Callable[[Path, CollectionYear], dict[str, str]]] = {
    "SW12STG2": sw12stg2_cannot_be_met,
}
