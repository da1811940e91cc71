// Progressive enhancement only: every page works without this file.
document.documentElement.classList.remove("no-js");

document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-print]");
  if (button) {
    event.preventDefault();
    window.print();
  }
});
