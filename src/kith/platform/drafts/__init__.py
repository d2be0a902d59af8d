"""Drafts: a long form keeps what the user has typed, so nothing typed is lost (ARCHITECTURE idea 10).

While a user types into a form marked ``data-kith-draft``, ``assets/js/kith.js`` posts the
form's fields to ``/drafts/<form key>/`` two seconds after they stop; the server keeps one
``Draft`` per user and form key. When they come back to the page (after a lost connection, a
closed tab, a sign-out), the view fills the form from the draft and says so; when the form is
submitted and recorded, the view discards the draft. Without JavaScript the form works as
before, with no drafts.

A draft is the user's own unsaved work, not case state. It is written directly by
``store.save_draft`` — not by an action, with no chronology event and no row history — and
only ever shown to the user who typed it. What the user finally records is written by the
area's action as usual, with its event and history.

A form key names the form and the record it belongs to, ``<area>.<form>:<record pk>``:
``"quality.management_decision:42"``, ``"assessments.assessment:17"``. Letters, digits and
``. _ : -`` only, at most 200 characters.

In a view (``form_with_draft`` binds to the POST on a POST, to the user's draft on a GET)::

    from kith.platform.drafts.forms import discard_draft, form_with_draft

    form_key = f"quality.management_decision:{child.pk}"
    form = form_with_draft(request, form_key, ManagementDecisionForm, initial={"decided_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        record_management_decision(child, ..., by=request.user)  # the one action
        discard_draft(request.user, form_key)
        return redirect("people:record", child.pk)
    return render(request, "quality/record_decision.html", {"form": form, "form_key": form_key})

and in the template::

    {% load kith_drafts %}
    <form method="post" novalidate {% draft_attributes form_key %}>
      {% csrf_token %}
      {% draft_status form_key %}
      ...

Modules: ``models`` (the ``Draft`` table), ``store`` (save, load, discard: the only code that
touches it), ``forms`` (``form_with_draft``, ``form_data_with_draft`` and ``hold_back_errors``
for other areas' views; ``views`` re-exports them), ``views`` and ``urls`` (the autosave
endpoint), ``templatetags/kith_drafts`` (the form attributes and the "saved as you type"
line). The script is section 5 of ``assets/js/kith.js``.
"""
