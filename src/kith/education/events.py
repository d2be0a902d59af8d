"""Chronology event types for the education of children in care."""

from kith.platform.chronology.registry import Significance, register

SCHOOL_STARTED = register(
    "education.school_started",
    "School recorded",
    significance=Significance.STANDARD,
    description="The school a child in care attends, or a change of school with the reason for it.",
)

PEP_STARTED = register(
    "education.pep_started",
    "Personal education plan started",
    significance=Significance.STANDARD,
    description="The personal education plan of a child in care was started.",
)

PEP_COMPLETED = register(
    "education.pep_completed",
    "Personal education plan completed",
    significance=Significance.KEY,
    description="The first PEP meeting completed the plan: the designated teacher's and the virtual school's "
    "part, the child's views, targets and the use of pupil premium plus.",
)

PEP_REVIEWED = register(
    "education.pep_reviewed",
    "Personal education plan reviewed",
    significance=Significance.STANDARD,
    description="A termly review of the personal education plan.",
)

EXCLUSION = register(
    "education.exclusion",
    "Exclusion from school",
    significance=Significance.KEY,
    description="A child in care was suspended or permanently excluded from school.",
)

ATTENDANCE_RECORDED = register(
    "education.attendance_recorded",
    "Attendance for a term",
    significance=Significance.STANDARD,
    description="A child in care's school attendance over a term.",
)

PEP_QUALITY_RATED = register(
    "education.pep_quality_rated",
    "PEP quality rated",
    significance=Significance.STANDARD,
    description="The virtual school rated the quality of a personal education plan: good, requires improvement "
    "or inadequate.",
)

CARE_LEAVER_EET_REVIEWED = register(
    "education.care_leaver_eet_reviewed",
    "Education, training or employment reviewed by the virtual school",
    significance=Significance.STANDARD,
    description="The virtual school reviewed a care leaver's education, training or employment: their main "
    "activity and what will be done to help.",
)
