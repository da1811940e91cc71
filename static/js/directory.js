// Program directory, progressive enhancement only: every page works without this file.
(() => {
  // On narrow screens start with the filters folded, so the results come first.
  const filters = document.querySelector("details[data-collapse-on-phone]");
  if (filters && window.matchMedia("(max-width: 991.98px)").matches) {
    filters.open = false;
  }

  // Comparison: say how many programs are ticked and stop at the maximum.
  const form = document.querySelector("form[data-compare]");
  if (!form) return;
  const boxes = Array.from(form.querySelectorAll('input[name="ids"]'));
  const status = form.querySelector("[data-compare-status]");
  const max = Number(form.dataset.compareMax) || 4;
  const sync = () => {
    const chosen = boxes.filter((box) => box.checked).length;
    boxes.forEach((box) => {
      box.disabled = !box.checked && chosen >= max;
    });
    if (status) {
      // The wording comes from the page, in its language: "{chosen} of {max} chosen".
      const wording = status.dataset.compareStatus || "{chosen} / {max}";
      status.textContent = chosen ? wording.replace("{chosen}", chosen).replace("{max}", max) : "";
    }
  };
  form.addEventListener("change", sync);
  window.addEventListener("pageshow", sync);
  sync();
})();
