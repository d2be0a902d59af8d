"""The interface shell: the base page, GOV.UK-styled form rendering and shared components.

Templates live in ``templates/ui/``; ``templatetags/kith_ui.py`` renders Django form fields
as GOV.UK Design System markup (``{% govuk_field %}``, ``{% error_summary %}``), and
``forms.GovukDateField`` is the day/month/year date input with GOV.UK error messages.
The CSS and JavaScript are built from ``assets/`` by ``npm run build``.
"""
