"""{% govuk_field %} and {% error_summary %}: Django form fields in GOV.UK markup."""

from __future__ import annotations

from django import forms
from django.template import engines

from kith.platform.ui.forms import GovukDateField


class ReferralForm(forms.Form):
    first_name = forms.CharField(
        label="First name",
        help_text="As the child is known",
        max_length=50,
        error_messages={"required": "Enter the child's first name"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "autocomplete": "off"}),
    )
    nickname = forms.CharField(label="Nickname", required=False)
    summary = forms.CharField(label="Summary", widget=forms.Textarea(attrs={"rows": 4}))
    source = forms.ChoiceField(label="Source", choices=[("", "Choose"), ("school", "School"), ("police", "Police")])
    consent = forms.ChoiceField(
        label="Has the family consented?",
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect(attrs={"inline": True}),
    )
    concerns = forms.MultipleChoiceField(
        label="Concerns",
        choices=[("neglect", "Neglect"), ("domestic_abuse", "Domestic abuse")],
        widget=forms.CheckboxSelectMultiple,
    )
    checked = forms.BooleanField(label="I have checked the address", required=False)
    received_on = GovukDateField(label="Date received")

    def clean(self):
        raise forms.ValidationError("This child already has an open referral")


def render(template: str, **context: object) -> str:
    return engines["django"].from_string("{% load kith_ui %}" + template).render(context)


def test_a_text_input_with_an_error_is_marked_and_described():
    # given
    form = ReferralForm(data={"first_name": ""})
    form.is_valid()

    # when
    html = render("{% govuk_field form.first_name %}", form=form)

    # then
    assert '<div class="govuk-form-group govuk-form-group--error">' in html
    assert '<label class="govuk-label" for="id_first_name">First name</label>' in html
    assert '<div id="id_first_name-hint" class="govuk-hint">As the child is known</div>' in html
    assert (
        '<p id="id_first_name-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> Enter the child&#x27;s first name</p>'
    ) in html
    assert (
        '<input class="govuk-input govuk-input--width-20 govuk-input--error" id="id_first_name" name="first_name"'
        ' type="text" aria-describedby="id_first_name-hint id_first_name-error" autocomplete="off">'
    ) in html


def test_the_value_typed_is_kept_and_escaped():
    # given
    form = ReferralForm(data={"first_name": 'Amy "A" <Jones>'})
    form.is_valid()

    # when
    html = render("{% govuk_field form.first_name %}", form=form)

    # then
    assert 'value="Amy &quot;A&quot; &lt;Jones&gt;"' in html


def test_browser_validation_attributes_are_left_off():
    # given
    form = ReferralForm()

    # when
    html = render("{% govuk_field form.first_name %}", form=form)

    # then
    assert "required" not in html
    assert "maxlength" not in html


def test_an_optional_field_says_so_in_its_label():
    # given
    form = ReferralForm()

    # when
    html = render("{% govuk_field form.nickname %}", form=form)

    # then
    assert '<label class="govuk-label" for="id_nickname">Nickname (optional)</label>' in html


def test_a_label_can_be_sized_and_be_the_page_heading():
    # given
    form = ReferralForm()

    # when
    html = render('{% govuk_field form.nickname label_size="l" is_page_heading=True %}', form=form)

    # then
    assert (
        '<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="id_nickname">'
        "Nickname (optional)</label></h1>"
    ) in html


def test_a_textarea_keeps_what_was_typed():
    # given
    form = ReferralForm(data={"summary": "Seen at school.\nBruise on arm."})
    form.is_valid()

    # when
    html = render("{% govuk_field form.summary %}", form=form)

    # then
    assert (
        '<textarea class="govuk-textarea" id="id_summary" name="summary" rows="4">\n'
        "Seen at school.\nBruise on arm.</textarea>"
    ) in html


def test_a_select_keeps_the_option_chosen():
    # given
    form = ReferralForm(data={"source": "police"})
    form.is_valid()

    # when
    html = render("{% govuk_field form.source %}", form=form)

    # then
    assert '<select class="govuk-select" id="id_source" name="source">' in html
    assert '<option value="police" selected>Police</option>' in html
    assert '<option value="school">School</option>' in html


def test_radios_are_a_fieldset_whose_first_choice_has_the_field_id():
    # given
    form = ReferralForm(data={"consent": "no"})
    form.is_valid()

    # when
    html = render("{% govuk_field form.consent %}", form=form)

    # then
    assert '<legend class="govuk-fieldset__legend">Has the family consented?</legend>' in html
    assert '<div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">' in html
    assert '<input class="govuk-radios__input" id="id_consent" name="consent" type="radio" value="yes">' in html
    assert (
        '<input class="govuk-radios__input" id="id_consent_2" name="consent" type="radio" value="no" checked>' in html
    )
    assert "inline" not in html.replace("govuk-radios--inline", "")


def test_checkboxes_keep_every_choice_ticked():
    # given
    form = ReferralForm(data={"concerns": ["neglect", "domestic_abuse"]})
    form.is_valid()

    # when
    html = render("{% govuk_field form.concerns %}", form=form)

    # then
    assert '<div class="govuk-checkboxes" data-module="govuk-checkboxes">' in html
    assert (
        '<input class="govuk-checkboxes__input" id="id_concerns" name="concerns" type="checkbox"'
        ' value="neglect" checked>'
    ) in html
    assert (
        '<input class="govuk-checkboxes__input" id="id_concerns_2" name="concerns" type="checkbox"'
        ' value="domestic_abuse" checked>'
    ) in html


def test_a_fieldset_is_described_by_its_error():
    # given
    form = ReferralForm(data={})
    form.is_valid()

    # when
    html = render("{% govuk_field form.consent %}", form=form)

    # then
    assert '<fieldset class="govuk-fieldset" aria-describedby="id_consent-error">' in html


def test_a_single_checkbox_is_its_own_label_without_optional():
    # given
    form = ReferralForm(data={"checked": "on"})
    form.is_valid()

    # when
    html = render("{% govuk_field form.checked %}", form=form)

    # then
    assert '<input class="govuk-checkboxes__input" id="id_checked" name="checked" type="checkbox" checked>' in html
    assert (
        '<label class="govuk-label govuk-checkboxes__label" for="id_checked">I have checked the address</label>'
    ) in html


def test_a_password_is_never_sent_back():
    # given
    class SignInForm(forms.Form):
        password = forms.CharField(label="Password", widget=forms.PasswordInput)

    form = SignInForm(data={"password": "correct horse"})

    # when
    html = render("{% govuk_field form.password %}", form=form)

    # then
    assert '<input class="govuk-input" id="id_password" name="password" type="password">' in html


def test_the_error_summary_links_each_error_to_its_field():
    # given
    form = ReferralForm(data={"first_name": "Amy", "received_on_day": "5"})
    form.is_valid()

    # when
    html = render("{% error_summary form %}", form=form)

    # then
    assert '<div class="govuk-error-summary" data-module="govuk-error-summary">' in html
    assert '<h2 class="govuk-error-summary__title">There is a problem</h2>' in html
    assert "<li>This child already has an open referral</li>" in html
    assert '<li><a href="#id_summary">This field is required.</a></li>' in html
    assert '<li><a href="#id_consent">This field is required.</a></li>' in html
    assert '<li><a href="#id_received_on_day">Date received must include a month and year</a></li>' in html


def test_the_error_summary_is_not_shown_without_errors():
    # given
    form = ReferralForm()

    # when
    html = render("{% error_summary form %}", form=form)

    # then
    assert html.strip() == ""
