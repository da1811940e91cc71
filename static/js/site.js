// Progressive enhancement only: every page works without this file.
document.documentElement.classList.remove("no-js");

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

// After a failed submit, move focus to the error summary so it is read out first.
(() => {
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
