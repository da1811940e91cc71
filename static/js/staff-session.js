// The admin's idle sign-out warning, and note drafts on the response page.
// Loaded by templates/admin/base_site.html for signed-in staff. Without this file the
// server still signs staff out (iopguide/middleware.py) and every form still works.
//
// The page is told how many seconds its session has left (idle, and the overall limit),
// as the server counted them when it rendered the page; this script counts down from
// then with the page's own monotonic clock, so the computer's clock does not matter.
// A minute before the end it shows a dialog; "Stay signed in" tells the server, which
// answers with the new time left. When the time is up, it saves the note drafts and
// reloads the page, so the server signs out and says why.
(() => {
  const dialog = document.getElementById("staff-session-warning");
  if (!dialog || typeof dialog.showModal !== "function") return;

  const WARN_MS = 60 * 1000; // warn a minute ahead
  const LAST_SAVE_MS = 5 * 1000; // last draft save this long before the end
  const RELOAD_AFTER_MS = 2 * 1000; // the server ends the session once that second is over
  const DRAFT_DELAY_MS = 3 * 1000; // save a draft this long after the last key

  const csrf = dialog.querySelector("input[name=csrfmiddlewaretoken]")?.value || "";
  const stay = dialog.querySelector("[data-staff-session-stay]");
  const close = dialog.querySelector("[data-staff-session-close]");
  const idleText = document.getElementById("staff-session-idle-text");
  const limitText = document.getElementById("staff-session-limit-text");
  const errorText = document.getElementById("staff-session-error");
  const clock = () => performance.now();

  let idleEnd = 0;
  let maxEnd = 0;
  const setTimeLeft = (left) => {
    const idle = Number(left.idle_seconds_left);
    const max = Number(left.max_seconds_left);
    if (!Number.isFinite(idle) || !Number.isFinite(max)) return false;
    const now = clock();
    idleEnd = now + idle * 1000;
    maxEnd = now + max * 1000;
    return true;
  };
  if (
    !setTimeLeft({
      idle_seconds_left: dialog.dataset.idleSecondsLeft,
      max_seconds_left: dialog.dataset.maxSecondsLeft,
    })
  ) {
    return;
  }

  // Other tabs of this admin: activity there keeps this session alive too.
  const channel = "BroadcastChannel" in window ? new BroadcastChannel("iop-staff-session") : null;
  const tellOtherTabs = () => {
    const now = clock();
    channel?.postMessage({ idleMs: idleEnd - now, maxMs: maxEnd - now });
  };
  const fromServer = (left) => {
    if (left && setTimeLeft(left)) {
      tellOtherTabs();
      tick();
    }
  };

  // -- Post to the server, without following a redirect to the sign-in page ----------

  // Draft saves are "passive": typing is not counted as activity by the server, so the
  // warning and the sign-out come when this page expects them.
  const post = async (url, fields, passive) => {
    const headers = { "X-CSRFToken": csrf, Accept: "application/json" };
    if (passive) headers["X-Staff-Session-Passive"] = "1";
    const response = await fetch(url, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers,
      credentials: "same-origin",
      redirect: "manual",
    });
    // Signed out already (a redirect to the sign-in page): only a reload can show it.
    if (response.type === "opaqueredirect") return { signedOut: true };
    if (!response.ok) return { failed: true };
    return { data: await response.json() };
  };

  // -- Note drafts -------------------------------------------------------------------

  const drafts = [];
  for (const form of document.querySelectorAll("form[data-draft-url][data-draft-box]")) {
    const field = form.querySelector(`textarea[name="${form.dataset.draftField}"]`);
    if (!field) continue;
    const draft = {
      form,
      field,
      box: form.dataset.draftBox,
      url: form.dataset.draftUrl,
      // A restored draft is stored already; any other text in the box is not.
      saved: form.hasAttribute("data-draft-restored") ? field.value : "",
      timer: 0,
      done: false,
    };
    drafts.push(draft);
    field.addEventListener("input", () => {
      window.clearTimeout(draft.timer);
      draft.timer = window.setTimeout(() => saveDraft(draft), DRAFT_DELAY_MS);
    });
    // Sending the note saves it (and deletes its draft): no draft save after that.
    form.addEventListener("submit", () => {
      draft.done = true;
      window.clearTimeout(draft.timer);
    });
    const discard = document.querySelector(`form[data-draft-discard="${draft.box}"]`);
    discard?.addEventListener("submit", () => {
      draft.done = true;
      window.clearTimeout(draft.timer);
    });
  }

  const saveDraft = async (draft) => {
    window.clearTimeout(draft.timer);
    const text = draft.field.value;
    if (draft.done || text === draft.saved) return;
    try {
      const answer = await post(draft.url, { box: draft.box, text }, true);
      if (answer.data) {
        draft.saved = text;
        fromServer(answer.data.session);
      }
    } catch {
      // Offline for a moment: the next key, the warning or the sign-out tries again.
    }
  };
  const saveAllDrafts = () => Promise.all(drafts.map(saveDraft));

  // -- The warning -------------------------------------------------------------------

  let returnFocusTo = null;
  let limitDismissed = false;
  let finishing = false;
  let lastSaveDone = false;

  const show = (atLimit) => {
    idleText.hidden = atLimit;
    limitText.hidden = !atLimit;
    stay.hidden = atLimit;
    close.hidden = !atLimit;
    dialog.setAttribute("aria-describedby", atLimit ? limitText.id : idleText.id);
    if (dialog.open) return;
    errorText.hidden = true;
    returnFocusTo = document.activeElement;
    dialog.showModal();
    (atLimit ? close : stay).focus();
    saveAllDrafts();
  };

  const hide = () => {
    if (!dialog.open) return;
    dialog.close();
    if (returnFocusTo && document.contains(returnFocusTo)) returnFocusTo.focus();
    returnFocusTo = null;
  };

  const finish = async () => {
    if (finishing) return;
    finishing = true;
    await saveAllDrafts();
    // A GET of this address (not a resubmitted form): the server signs out and says why.
    window.location.assign(window.location.href.split("#")[0]);
  };

  const tick = () => {
    if (finishing) return;
    const now = clock();
    const atLimit = maxEnd <= idleEnd;
    const left = Math.min(idleEnd, maxEnd) - now;
    if (left <= -RELOAD_AFTER_MS) {
      finish();
      return;
    }
    if (left <= LAST_SAVE_MS) {
      if (!lastSaveDone) {
        lastSaveDone = true;
        saveAllDrafts();
      }
    } else {
      lastSaveDone = false;
    }
    if (left <= WARN_MS && !(atLimit && limitDismissed)) {
      show(atLimit);
    } else if (left > WARN_MS) {
      hide();
    }
  };

  const stayHere = async () => {
    if (stay.disabled) return;
    stay.disabled = true;
    errorText.hidden = true;
    try {
      const answer = await post(dialog.dataset.keepAliveUrl, {}, false);
      if (answer.signedOut) {
        finish();
        return;
      }
      if (answer.failed) throw new Error("keep-alive refused");
      fromServer(answer.data);
    } catch {
      errorText.hidden = false;
    } finally {
      stay.disabled = false;
    }
  };

  stay.addEventListener("click", stayHere);
  close.addEventListener("click", () => {
    limitDismissed = true;
    hide();
  });
  // Escape: at the limit it closes the notice; otherwise it means "Stay signed in".
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    if (!stay.hidden) {
      stayHere();
    } else {
      limitDismissed = true;
      hide();
    }
  });

  channel?.addEventListener("message", (event) => {
    const { idleMs, maxMs } = event.data || {};
    if (!Number.isFinite(idleMs) || !Number.isFinite(maxMs)) return;
    const now = clock();
    // What the server last recorded only ever moves later.
    idleEnd = Math.max(idleEnd, now + idleMs);
    maxEnd = Math.max(maxEnd, now + maxMs);
    tick();
  });
  // Timers slow down in background tabs: check again as soon as the tab is seen.
  document.addEventListener("visibilitychange", tick);
  window.setInterval(tick, 1000);
  tellOtherTabs();
  tick();
})();
