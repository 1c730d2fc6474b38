/*
 * On a phone the search page's filters fold away behind a button, "Filters"
 * with the number of ticked values; when open, "Toon N resultaten" (N follows
 * every tick) closes them and moves focus to the results, which then start near
 * the top of the page. On a wide screen the filters stay beside the results and
 * both buttons are hidden (zoeken-verkennen.css). The toggle is a disclosure
 * button (aria-expanded, aria-controls); Escape inside the open filters closes
 * them and returns focus to it.
 */
import { resultsText } from "./zoeken-weergave.js";

var WIDE = "(min-width: 60em)";

export function foldFilters(toggle, panel, show, results) {
  function setOpen(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    panel.dataset.open = open ? "ja" : "nee";
  }

  function folding() {
    return !window.matchMedia(WIDE).matches;
  }

  toggle.addEventListener("click", function () {
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });
  show.addEventListener("click", function () {
    setOpen(false);
    results.focus();
    results.scrollIntoView({ block: "start" });
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !folding() || panel.dataset.open !== "ja") return;
    setOpen(false);
    toggle.focus();
  });
  setOpen(false);

  // The button texts: how many values are ticked, and how many results they leave.
  return function label(chosen, total) {
    toggle.textContent = chosen ? "Filters (" + chosen + " gekozen)" : "Filters";
    if (total !== null) show.textContent = "Toon " + resultsText(total);
  };
}
