"""Each area's scenario verbs; importing this package adds them all to the vocabulary."""

from importlib import import_module

AREAS = (
    "front_door",
    "assessments",
    "child_protection",
    "child_in_need",
    "visits",
    "plans",
    "legal",
    "registers",
    "lado",
    "inspection",
    "children_in_care",
    "care_planning",
    "care_reviews",
    "health",
    "education",
    "missing",
    "youth_justice",
    "uasc",
    "adoption",
    "fostering",
    "care_leavers",
    "returns",
)

for _area in AREAS:
    try:
        import_module(f"{__name__}.{_area}")
    except ModuleNotFoundError as missing:
        if missing.name != f"{__name__}.{_area}":
            raise
