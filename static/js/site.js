// Progressive enhancement only: every page works without this file.
document.documentElement.classList.remove("no-js");

// "Leave this site" (base.html). Without this file it is a plain link. With it, the page
// first swaps its own history entry for the home page (replaceState), then replaces it with
// the neutral site (location.replace), so Back does not come back here as far as the
// browser allows. Pressing Esc twice within a second does the same. It cannot erase the
// browser's history: the privacy page says so.
(() => {
  const link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  const leave = () => {
    document.documentElement.classList.add("leaving");
    try {
      // What this site keeps in the tab (the questionnaire's draft answers, below; the
      // directory's last search and programs to compare) leaves with the person.
      for (const key of Object.keys(window.sessionStorage)) {
        if (key.startsWith("iop-guide-")) window.sessionStorage.removeItem(key);
      }
    } catch {
      // Storage may be blocked; there is then no draft to clear.
    }
    try {
      window.history.replaceState(null, "", link.dataset.neutralUrl || "/");
    } catch {
      // Some browsers limit history changes; leaving matters more.
    }
    window.location.replace(link.href);
  };
  link.addEventListener("click", (event) => {
    event.preventDefault();
    leave();
  });
  let lastEscape = 0;
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.repeat) return;
    const now = Date.now();
    if (now - lastEscape <= 1000) {
      leave();
    } else {
      lastEscape = now;
    }
  });
})();

document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-print]");
  if (button) {
    event.preventDefault();
    window.print();
  }
});

// Questionnaire: once "who is this for" is answered, switch the questions to "you" or
// "they". Without JavaScript the neutral wording shows.
(() => {
  const form = document.querySelector("form.questionnaire");
  if (!form) return;
  const sync = () => {
    const chosen = form.querySelector('input[name="for_whom"]:checked');
    if (chosen) form.dataset.for = chosen.value;
  };
  form.addEventListener("change", (event) => {
    if (event.target.name === "for_whom") sync();
  });
  sync();
})();

// Questionnaire: ticking any "in danger now" box shows the crisis panel at once, right under
// that question, and unticking them all hides it again. The panel sits in an assertive live
// region, so screen readers read it out when it appears. Without JavaScript it stays hidden;
// submitting the form leads to the same help.
(() => {
  const form = document.querySelector("form.questionnaire");
  const region = document.querySelector("[data-crisis-region]");
  if (!form || !region) return;
  const panel = region.querySelector(".crisis-panel");
  const question = form.querySelector(".q-section-danger");
  if (question) question.append(region);
  const sync = () => {
    panel.hidden = !form.querySelector('input[name="danger_now"]:checked');
  };
  form.addEventListener("change", (event) => {
    if (event.target.name === "danger_now") sync();
  });
  // Boxes the browser ticks again on Back or a reload count too.
  window.addEventListener("pageshow", sync);
  sync();
})();

// After a failed submit, move focus to the error summary so it is read out first.
(() => {
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();

/* ---- Questionnaire drafts, "Start again", result links (issue #14) ---- */

// Questionnaire: keep the answers ticked so far in this tab's sessionStorage, so a reload or
// Back does not lose them. Only the questions' names and values, nothing typed, and never
// sent anywhere: the server sees answers only when the form is submitted. The result page
// clears the draft (the answers were then sent and stored), and so do "Start again" and
// "Leave this site". Without JavaScript the browser's own form restore is all there is.
(() => {
  const KEY = "iop-guide-questionnaire-draft";
  const store = {
    read() {
      try {
        return JSON.parse(window.sessionStorage.getItem(KEY) || "null");
      } catch {
        return null;
      }
    },
    write(value) {
      try {
        window.sessionStorage.setItem(KEY, JSON.stringify(value));
      } catch {
        // Storage full or blocked (private browsing): the form still works without it.
      }
    },
    clear() {
      try {
        window.sessionStorage.removeItem(KEY);
      } catch {
        // As above.
      }
    },
  };
  if (document.querySelector(".result-page")) {
    store.clear();
    return;
  }
  const form = document.querySelector("form.questionnaire[data-draft]");
  if (!form) return;
  const choices = () => form.querySelectorAll('input[type="radio"], input[type="checkbox"]');
  const save = () => {
    const draft = {};
    for (const input of choices()) {
      if (!input.checked) continue;
      (draft[input.name] = draft[input.name] || []).push(input.value);
    }
    store.write(draft);
  };
  const restore = (draft) => {
    const changed = new Set();
    for (const input of choices()) {
      const wanted = Array.isArray(draft[input.name]) && draft[input.name].includes(input.value);
      if (input.checked !== wanted) {
        input.checked = wanted;
        changed.add(input);
      }
    }
    // Let the other enhancements (you/they wording, crisis panel) see the restored answers.
    for (const input of changed) input.dispatchEvent(new Event("change", { bubbles: true }));
  };
  const start = () => {
    const anyTicked = Array.from(choices()).some((input) => input.checked);
    const draft = store.read();
    // Answers the server sent back (after a failed submit) or the browser kept win.
    if (anyTicked || !draft || typeof draft !== "object") {
      save();
    } else {
      restore(draft);
    }
  };
  form.addEventListener("change", save);
  window.addEventListener("pageshow", start);
  start();

  // "Start again": untick everything, forget the draft, then load the blank form.
  const again = form.querySelector("[data-start-again]");
  if (again) {
    again.addEventListener("click", () => {
      store.clear();
      for (const input of choices()) input.checked = false;
      delete form.dataset.for;
    });
  }
})();

// Result page: copy the private link to this result. Without JavaScript the link is shown
// in a read-only box the person can select and copy.
(() => {
  const button = document.querySelector("[data-copy-link]");
  if (!button) return;
  const input = document.getElementById(button.dataset.copyLink);
  const status = document.getElementById(button.dataset.copyStatus);
  if (!input || !status) return;
  const say = (text) => {
    status.textContent = text;
  };
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(input.value);
      say(button.dataset.copied);
    } catch {
      // No clipboard access: select the link so the person can copy it themselves.
      input.focus();
      input.select();
      say(button.dataset.copyFailed);
    }
  });
})();

// "Help and facts" in the menu: close it on Escape, on a click elsewhere, or when another
// part of the page takes the focus, as a menu does.
document.querySelectorAll("[data-nav-group]").forEach((group) => {
  const close = () => group.removeAttribute("open");
  document.addEventListener("click", (event) => {
    if (!group.contains(event.target)) close();
  });
  group.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && group.open) {
      close();
      group.querySelector("summary").focus();
    }
  });
  group.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !group.contains(event.relatedTarget)) close();
  });
});
