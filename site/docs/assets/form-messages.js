/*
 * The form "Voorbeeld toevoegen": showing the messages of a check.
 *
 * Each problem appears at its field (marked aria-invalid, its folded group
 * opened) and in a summary at the top, in the order of the form, with a link
 * that moves the focus to the field. Notes appear at their field only.
 */
import { el, unfold } from "./form-dom.js";
import { fullLabel } from "./form-model.js";

// The widget of a field, or of the nearest group around it that has one.
function widgetFor(fields, target) {
  var path = (target || "").split("/");
  while (path.length) {
    if (fields[path.join("/")]) return fields[path.join("/")];
    path.pop();
  }
  return null;
}

function focusTarget(widget) {
  if (widget.kind === "object" || widget.kind === "list" || widget.kind === "groups") {
    return widget.wrapper.querySelector("input, select, textarea") || widget.control;
  }
  return widget.control;
}

export function clearMessages(state) {
  Object.keys(state.fields).forEach(function (k) {
    var widget = state.fields[k];
    [widget.error, widget.note].forEach(function (p) { if (p) { p.textContent = ""; p.hidden = true; } });
    widget.wrapper.classList.remove("pv-form__field--fout");
    if (widget.control && widget.control.removeAttribute) widget.control.removeAttribute("aria-invalid");
  });
}

// Puts each message of `list` in the widget's `slot` ("error" or "note"); returns [{widget, text}] for the summary.
export function place(state, list, slot) {
  var shown = [];
  list.forEach(function (problem) {
    var widget = widgetFor(state.fields, problem.target);
    if (!widget) { shown.push({ widget: null, text: problem.text }); return; }
    var p = widget[slot];
    if (p.textContent.indexOf(problem.text) < 0) p.textContent = (p.textContent ? p.textContent + " " : "") + problem.text;
    p.hidden = false;
    if (slot === "error") {
      widget.wrapper.classList.add("pv-form__field--fout");
      if (widget.control && widget.control.setAttribute && widget.kind !== "object") widget.control.setAttribute("aria-invalid", "true");
      unfold(widget.wrapper);
    }
    shown.push({ widget: widget, text: problem.text });
  });
  return shown;
}

export function showSummary(state, shown) {
  var box = state.parts.summary;
  box.textContent = "";
  box.hidden = !shown.length;
  if (!shown.length) return;
  shown.sort(function (a, b) { // in the order of the form
    if (!a.widget || !b.widget) return a.widget ? 1 : b.widget ? -1 : 0;
    return a.widget.wrapper.compareDocumentPosition(b.widget.wrapper) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  var count = shown.length === 1 ? "Er is 1 ding om te verbeteren" : "Er zijn " + shown.length + " dingen om te verbeteren";
  var list = el("ul", {});
  shown.forEach(function (item) {
    if (!item.widget) { list.append(el("li", { text: item.text })); return; }
    var target = focusTarget(item.widget);
    var link = el("a", { href: "#" + target.id, text: fullLabel(state.spec, item.widget.path) + ": " + item.text });
    link.addEventListener("click", function (event) {
      event.preventDefault();
      unfold(target);
      target.focus();
    });
    list.append(el("li", {}, [link]));
  });
  box.append(el("h2", { id: "pv-samenvatting-titel", text: count }), list);
}
