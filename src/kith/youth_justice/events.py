"""Chronology event types for youth justice work: the YJS case, outcomes, custody and joint supervision."""

from kith.platform.chronology.registry import Significance, register

INVOLVEMENT_OPENED = register(
    "youth_justice.involvement_opened",
    "Youth justice involvement opened",
    significance=Significance.KEY,
    description="The youth justice service opened a case with the child: the YJS worker and team, and why.",
)

OUTCOME_RECORDED = register(
    "youth_justice.outcome_recorded",
    "Youth justice outcome",
    significance=Significance.KEY,
    description="The police or the court decided an outcome: diversion (police triage, a community resolution), "
    "a youth caution, or a sentence; whether it counts as a conviction or caution for the 903.",
)

INVOLVEMENT_CLOSED = register(
    "youth_justice.involvement_closed",
    "Youth justice involvement closed",
    significance=Significance.STANDARD,
    description="The youth justice service closed its case with the child.",
)

CUSTODY_STARTED = register(
    "youth_justice.custody_started",
    "Remanded or sentenced to custody",
    significance=Significance.KEY,
    description="The child was remanded to youth detention accommodation or began a custodial sentence: where, "
    "and the education they get there.",
)

CUSTODY_VISITED = register(
    "youth_justice.custody_visited",
    "Visit in custody",
    significance=Significance.STANDARD,
    description="The social worker visited the child in custody.",
)

RELEASE_PLAN_AGREED = register(
    "youth_justice.release_plan_agreed",
    "Release plan agreed",
    significance=Significance.STANDARD,
    description="The plan for the child's release from custody: where they will live, education and support.",
)

CUSTODY_ENDED = register(
    "youth_justice.custody_ended",
    "Left custody",
    significance=Significance.KEY,
    description="The child left youth detention accommodation: released on bail, at the end of a remand, or to "
    "serve the rest of a sentence in the community.",
)

JOINT_SUPERVISION_HELD = register(
    "youth_justice.joint_supervision_held",
    "Joint YJS and social care supervision",
    significance=Significance.STANDARD,
    description="The youth justice service and social care reviewed the child's case together: who, what was "
    "discussed and the decisions.",
)
