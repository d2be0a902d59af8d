// Kith's page script, loaded on every page as <script type="module">.
//
// The Content Security Policy allows scripts from our own origin only (no inline
// <script>), so everything the page needs from JavaScript starts here:
//   1. the classes GOV.UK Frontend's CSS and JS key off (js-enabled, govuk-frontend-supported)
//   2. GOV.UK Frontend and MOJ Frontend components, again after each htmx swap
//   3. the session idle-timeout warning
//   4. print buttons
//   5. drafts: long forms saved as the user types
//
// Everything must keep working without this script (progressive enhancement): the
// server enforces the idle timeout itself, print buttons stay hidden without it, and a
// form marked for drafts is simply submitted as usual.

import { initAll as initGovukFrontend } from "./govuk-frontend.min.js";
import { initAll as initMojFrontend } from "./moj-frontend.min.js";

// --- 1. Feature classes --------------------------------------------------------------------
// GOV.UK's page template adds these with an inline script, which our CSP forbids. A
// browser running this module supports ES modules, which is exactly GOV.UK Frontend's
// test for "supported".
document.body.classList.add("js-enabled", "govuk-frontend-supported");

// --- 2. Components ------------------------------------------------------------------------

// Initialising a scope that contains components already set up raises InitError for
// each of those; that is expected after an htmx swap, so only other errors are logged.
function reportInitError(error) {
  if (error?.name !== "InitError") {
    console.error(error);
  }
}

function initialiseComponents(scope) {
  const options = { scope, onError: reportInitError };
  initGovukFrontend(options);
  initMojFrontend(options);
  revealPrintButtons(scope);
}

initialiseComponents(document);

// htmx replaces parts of the page; components in the new markup need setting up. The
// swap target may itself be a component (or may have been replaced by an outerHTML
// swap), so search from its parent, or the whole document if it is gone.
document.addEventListener("htmx:afterSwap", (event) => {
  const target = event.detail?.target;
  const scope = target?.isConnected ? target.parentElement ?? document : document;
  initialiseComponents(scope);
});

// --- 3. Session idle-timeout warning ------------------------------------------------------
// The server signs a user out after KITH_SESSION_IDLE without a request. This warns them
// KITH_SESSION_WARNING before that, lets them stay signed in, and when the time is up
// takes the browser to the timed-out page, so a child's record is not left on an
// unattended screen.
//
// The server's idle clock belongs to the session, which all of a user's tabs share, so the
// time of the last request is kept in localStorage: working in one tab keeps the others
// from warning or signing out.

const LAST_ACTIVITY_KEY = "kith.session.lastActivity";
// Dispatched on document by other parts of this script after a request reached the server.
const SERVER_ACTIVITY_EVENT = "kith:server-activity";

function readStoredActivity() {
  try {
    return Number(window.localStorage.getItem(LAST_ACTIVITY_KEY)) || 0;
  } catch {
    return 0; // storage blocked: fall back to this tab's own clock
  }
}

function storeActivity(time) {
  try {
    window.localStorage.setItem(LAST_ACTIVITY_KEY, String(time));
  } catch {
    // storage blocked: this tab's own clock still works
  }
}

function describeTimeLeft(milliseconds) {
  const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  }
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

class SessionTimeout {
  constructor(body, dialog) {
    this.idleMs = Number(body.dataset.sessionIdleSeconds) * 1000;
    this.warningMs = Number(body.dataset.sessionWarningSeconds) * 1000;
    this.keepaliveUrl = body.dataset.sessionKeepaliveUrl;
    // The timed-out page signs out by GET and says why; without it, fall back to the
    // sign-out URL with ?timeout=1.
    this.timedOutUrl = body.dataset.sessionTimedOutUrl || `${body.dataset.signOutUrl}?timeout=1`;
    this.dialog = dialog;
    this.countdown = dialog.querySelector("[data-kith-session-countdown]");
    this.returnFocusTo = null;
    this.leaving = false;

    this.lastActivity = Date.now(); // this page was just served: the server's clock restarted
    storeActivity(this.lastActivity);

    dialog.querySelector("[data-kith-session-stay]")?.addEventListener("click", () => this.staySignedIn());
    // Escape would close the dialog without telling the server; treat it as "stay".
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      this.staySignedIn();
    });
    // Any htmx request reaches the server and so restarts its idle clock; so does saving a draft.
    document.addEventListener("htmx:afterRequest", () => this.recordActivity());
    document.addEventListener(SERVER_ACTIVITY_EVENT, () => this.recordActivity());

    this.tick();
    window.setInterval(() => this.tick(), 1000);
  }

  recordActivity() {
    this.lastActivity = Date.now();
    storeActivity(this.lastActivity);
    this.tick();
  }

  // Checked every second rather than with one long setTimeout, because timers are
  // paused while a laptop sleeps and the deadline may have passed when it wakes.
  tick() {
    if (this.leaving) return;
    const lastActivity = Math.max(this.lastActivity, readStoredActivity());
    const left = lastActivity + this.idleMs - Date.now();
    if (left <= 0) {
      this.signOut();
    } else if (left <= this.warningMs) {
      this.openWarning(left);
    } else {
      this.closeWarning();
    }
  }

  openWarning(left) {
    if (this.countdown) this.countdown.textContent = describeTimeLeft(left);
    if (this.dialog.open) return;
    this.returnFocusTo = document.activeElement;
    this.dialog.showModal();
  }

  closeWarning() {
    if (!this.dialog.open) return;
    this.dialog.close();
    if (this.returnFocusTo instanceof HTMLElement && this.returnFocusTo.isConnected) {
      this.returnFocusTo.focus();
    }
    this.returnFocusTo = null;
  }

  async staySignedIn() {
    try {
      const response = await fetch(this.keepaliveUrl, {
        method: "GET",
        credentials: "same-origin",
        cache: "no-store",
      });
      // A session that has already ended is redirected to the sign-in page.
      if (!response.ok || response.redirected) {
        this.signOut();
        return;
      }
      this.recordActivity();
    } catch {
      // Offline or the server is unreachable: leave the warning up; the timer carries on.
    }
  }

  signOut() {
    this.leaving = true;
    window.location.assign(this.timedOutUrl);
  }
}

// Only signed-in pages carry the timer settings and the dialog.
const sessionDialog = document.getElementById("kith-session-timeout");
if (document.body.dataset.sessionIdleSeconds && sessionDialog && typeof sessionDialog.showModal === "function") {
  new SessionTimeout(document.body, sessionDialog);
}

// --- 4. Print buttons ---------------------------------------------------------------------
// Markup: <button type="button" class="govuk-button govuk-button--secondary"
//           data-module="kith-print" hidden>Print this chronology</button>
// They are rendered hidden (a print button without JavaScript would do nothing) and
// revealed here. One delegated listener covers buttons added by htmx later.

function revealPrintButtons(scope) {
  for (const button of scope.querySelectorAll('[data-module="kith-print"][hidden]')) {
    button.hidden = false;
  }
}

document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-module="kith-print"]') : null;
  if (button) {
    event.preventDefault();
    window.print();
  }
});

// --- 5. Drafts: nothing typed is lost ------------------------------------------------------
// Markup, from {% draft_attributes form_key %} and {% draft_status form_key %} (kith_drafts):
//   <form method="post" data-kith-draft="quality.management_decision:42"
//         data-kith-draft-url="/drafts/quality.management_decision:42/">
//     …
//     <p data-kith-draft-status="quality.management_decision:42" hidden>Your draft is saved as you type.
//       <span data-kith-draft-saved role="status" aria-live="polite"></span></p>
// Two seconds after the user stops typing or changing an answer, the form's fields are
// posted (with the form's own CSRF token) to the draft URL, which keeps them as this user's
// draft; the live region then says "Draft saved at 10:42am". The view fills the form from
// the draft when the user comes back, and discards it once the form has been recorded.
// The status line is rendered hidden, because without this script nothing is saved.

const DRAFT_DELAY_MS = 2000;
const DRAFT_NOT_SAVED = "Your draft could not be saved just now. What you typed is still on this page.";

class DraftKeeper {
  constructor(form) {
    this.form = form;
    this.url = form.dataset.kithDraftUrl || `/drafts/${encodeURIComponent(form.dataset.kithDraft)}/`;
    const status = document.querySelector(`[data-kith-draft-status="${CSS.escape(form.dataset.kithDraft)}"]`);
    this.announcer = status?.querySelector("[data-kith-draft-saved]") ?? null;
    if (status) status.hidden = false;
    this.timer = null;
    this.saving = false; // one save at a time, so an older one can never land after a newer one
    this.saveAgain = false;
    this.submitted = false;

    form.addEventListener("input", () => this.schedule());
    form.addEventListener("change", () => this.schedule());
    // The submission carries everything; a draft saved after it would outlive the record.
    form.addEventListener("submit", () => {
      this.submitted = true;
      this.cancel();
    });
    // Leaving the page with a save still waiting (a closed tab, a link): send it on the way out.
    window.addEventListener("pagehide", () => this.flush());
    window.addEventListener("pageshow", (event) => {
      if (event.persisted) this.submitted = false; // back from the browser's page cache
    });
  }

  schedule() {
    if (this.submitted) return;
    this.cancel();
    this.timer = window.setTimeout(() => {
      this.timer = null;
      this.save();
    }, DRAFT_DELAY_MS);
  }

  cancel() {
    if (this.timer !== null) {
      window.clearTimeout(this.timer);
      this.timer = null;
    }
  }

  flush() {
    if (this.timer === null || this.submitted) return;
    this.cancel();
    // keepalive lets the request finish after the page has gone (for up to 64 KB).
    this.send({ keepalive: true }).catch(() => {});
  }

  async save() {
    if (this.saving) {
      this.saveAgain = true;
      return;
    }
    this.saving = true;
    try {
      const response = await this.send({ keepalive: false });
      // A signed-out request is redirected to the sign-in page: nothing was kept.
      if (response.ok && !response.redirected) {
        const { saved_at: savedAt } = await response.json();
        this.announce(`Draft saved at ${savedAt}`);
        document.dispatchEvent(new CustomEvent(SERVER_ACTIVITY_EVENT));
      } else {
        const problem = response.redirected ? null : await response.json().catch(() => null);
        this.announce(problem?.error || DRAFT_NOT_SAVED);
      }
    } catch {
      this.announce(DRAFT_NOT_SAVED); // offline, or the server is unreachable
    } finally {
      this.saving = false;
      if (this.saveAgain && !this.submitted) {
        this.saveAgain = false;
        this.save();
      }
    }
  }

  send({ keepalive }) {
    const fields = new FormData(this.form);
    for (const [name, value] of [...fields.entries()]) {
      if (value instanceof File) fields.delete(name); // files are never kept in a draft
    }
    const token = this.form.querySelector('input[name="csrfmiddlewaretoken"]')?.value ?? "";
    return fetch(this.url, {
      method: "POST",
      body: fields,
      headers: { "X-CSRFToken": token, Accept: "application/json" },
      credentials: "same-origin",
      cache: "no-store",
      keepalive,
    });
  }

  announce(text) {
    if (this.announcer) this.announcer.textContent = text;
  }
}

for (const form of document.querySelectorAll("form[data-kith-draft]")) {
  new DraftKeeper(form);
}
