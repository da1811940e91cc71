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
