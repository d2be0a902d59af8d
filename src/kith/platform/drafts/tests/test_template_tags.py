"""{% draft_attributes %} and {% draft_status %}: marking a form for drafts."""

from __future__ import annotations

import pytest
from django.template import Context, Template, TemplateSyntaxError


def render(source: str, **context: object) -> str:
    return Template("{% load kith_drafts %}" + source).render(Context(context))


def test_the_form_is_marked_with_its_key_and_where_to_post_drafts() -> None:
    # when
    html = render("<form {% draft_attributes form_key %}>", form_key="quality.management_decision:42")
    # then
    assert html == (
        '<form data-kith-draft="quality.management_decision:42" '
        'data-kith-draft-url="/drafts/quality.management_decision:42/">'
    )


def test_the_status_line_is_hidden_until_the_script_shows_it_and_has_a_polite_live_region() -> None:
    # when
    html = render("{% draft_status form_key %}", form_key="quality.management_decision:42")
    # then
    assert " ".join(html.split()) == (
        '<p class="govuk-body-s kith-draft-status" data-kith-draft-status="quality.management_decision:42" hidden>'
        " Your draft is saved as you type."
        ' <span class="kith-draft-status__saved" data-kith-draft-saved role="status" aria-live="polite"></span>'
        " </p>"
    )


@pytest.mark.parametrize("tag", ["draft_attributes", "draft_status"])
@pytest.mark.parametrize("form_key", ['x" onmouseover="alert(1)', "quality/decision", ""])
def test_a_form_key_outside_the_safe_pattern_is_a_mistake_in_the_template(tag: str, form_key: str) -> None:
    # when / then
    with pytest.raises(TemplateSyntaxError, match="is not a form key"):
        render(f"{{% {tag} form_key %}}", form_key=form_key)
