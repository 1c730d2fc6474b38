/*
 * The explorer's choice of practices to compare: a checkbox per row, and the form
 * around the table (verkennen.md) that opens vergelijken/?p=a,b with them. The ticks
 * are kept in a set, so sorting or filtering the table (which redraws its rows) and
 * rows that a filter hides lose none of them.
 */

export function choiceHead() {
  var th = document.createElement("th");
  th.scope = "col";
  th.textContent = "Vergelijk";
  return th;
}

export function choiceCell(row, chosen) {
  var td = document.createElement("td");
  var box = document.createElement("input");
  box.type = "checkbox";
  box.name = "p";
  box.value = row.id;
  box.checked = chosen.has(row.id);
  box.setAttribute("aria-label", "Vergelijk " + row.title);
  box.addEventListener("change", function () {
    if (box.checked) chosen.add(row.id);
    else chosen.delete(row.id);
  });
  td.appendChild(box);
  return td;
}

// The compare page reads ?p=a,b,c and says itself when there are too few or too many.
export function watchChoice(form, chosen) {
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var address = new URL(form.getAttribute("action"), window.location.href);
    address.search = "?p=" + Array.from(chosen).map(encodeURIComponent).join(",");
    window.location.assign(address.href);
  });
}
