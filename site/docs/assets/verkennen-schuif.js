/*
 * On a narrow screen the explorer's table is wider than the page: a line above it
 * says so ("Schuif opzij voor meer kolommen"), shown only while the table region
 * really scrolls. The region itself is focusable (verkennen.md), so arrow keys
 * scroll it too.
 */

export function watchScrollCue(region, cue) {
  function check() {
    cue.hidden = region.scrollWidth <= region.clientWidth + 1;
  }
  if (typeof ResizeObserver !== "undefined") new ResizeObserver(check).observe(region);
  return check;
}
