/*
 * The form "Voorbeeld toevoegen": the widgets, drawn from the schema.
 *
 * renderProperties walks a schema node and appends a widget per property:
 * a text field, a number, a choice, checkboxes, a group of fields, or a list
 * with add and remove buttons. Each widget writes what is typed into the
 * `holder` it was given (a part of state.raw, shaped like the record) and
 * registers itself in state.fields under its key, where the messages find it.
 *
 * A widget does not know what a change leads to (a new check, the id that
 * follows the title): it announces the change with a CHANGE event that
 * bubbles to the form, where form-app.js listens. The event is dispatched
 * synchronously, so the listener runs before the browser's next task, as a
 * direct call would.
 */
import { el } from "./form-dom.js";
import { choices, domId, helpOf, initial, itemLabel, key, kindOf, knownLabel, labelOf, lastName, referenceKind,
         resolve } from "./form-model.js";

export var CHANGE = "pv-form-change"; // detail: {path, value}

// From a node that stays in the form (not a remove button that a redraw has just taken out).
function announce(node, path, value) {
  node.dispatchEvent(new CustomEvent(CHANGE, { bubbles: true, detail: { path: path, value: value } }));
}

function register(state, path, widget) {
  widget.path = path;
  state.fields[key(path)] = widget;
  return widget;
}

function feedback(id) {
  return {
    error: el("p", { class: "pv-form__error", id: id + "-fout", hidden: true }),
    note: el("p", { class: "pv-form__note", id: id + "-let-op", hidden: true })
  };
}

function labelText(spec, path, required, asItem) {
  if (asItem) return [itemLabel(spec, path.slice(0, -1)) + " " + (path[path.length - 1] + 1)];
  return [labelOf(spec, path), required ? null : el("span", { class: "pv-form__optional", text: " (niet verplicht)" })];
}

export function renderProperties(state, node, path, container, holder) {
  var required = node.required || [];
  Object.keys(node.properties).forEach(function (name) {
    container.append(renderField(state, node.properties[name], path.concat([name]), required.indexOf(name) >= 0,
                                 holder, name));
  });
}

function renderField(state, propNode, path, required, holder, name, asItem) {
  var node = resolve(state.spec, propNode);
  var kind = kindOf(state.spec, node);
  if (holder[name] === undefined) holder[name] = initial(node, kind);
  if (kind === "object") return objectWidget(state, node, path, required, holder[name]);
  if (kind === "checkboxes") return checkboxWidget(state, node, path, required, holder, name);
  if (kind === "list" || kind === "groups") return listWidget(state, node, path, required, holder[name], kind);
  return inputWidget(state, node, path, required, holder, name, kind, asItem);
}

function inputWidget(state, node, path, required, holder, name, kind, asItem) {
  var spec = state.spec;
  var id = domId(path);
  var control;
  if (kind === "choice") {
    control = el("select", { id: id }, [el("option", { value: "", text: "Kies..." })]);
    choices(spec, node, lastName(path)).forEach(function (row) {
      control.append(el("option", { value: row.code, text: row.label }));
    });
  } else if (kind === "text" && (node.maxLength || 0) >= 500) {
    control = el("textarea", { id: id, rows: node.maxLength > 5000 ? 10 : node.maxLength >= 600 ? 4 : 2 });
  } else {
    control = el("input", { id: id, type: "text", inputmode: kind === "number" ? "decimal" : null,
                            autocomplete: "off", spellcheck: kind === "text" ? null : "false" });
  }
  control.setAttribute("name", key(path));
  control.setAttribute("data-path", key(path));
  control.setAttribute("data-kind", kind);
  control.value = holder[name];
  var reference = referenceKind(spec, path);
  if (reference && kind === "text") control.setAttribute("list", "pv-bekend-" + reference);

  var words = asItem ? "" : helpOf(spec, path, node);
  var help = words ? el("p", { class: "pv-form__help", id: id + "-uitleg", text: words }) : null;
  var extra = kind === "choice" || reference ? el("p", { class: "pv-form__extra", id: id + "-keuze" }) : null;
  var fb = feedback(id);
  control.setAttribute("aria-describedby", [help && help.id, extra && extra.id, fb.error.id, fb.note.id]
    .filter(Boolean).join(" "));
  var wrapper = el("div", { class: "pv-form__field", "data-field": key(path) },
                   [el("label", { for: id }, labelText(spec, path, required, asItem)), help, fb.error, fb.note, control, extra]);

  // The line under a choice or a reference: what the chosen code means, or which record the id names.
  function describe() {
    if (!extra) return;
    if (kind === "choice") {
      var row = choices(spec, node, lastName(path)).filter(function (r) { return r.code === control.value; })[0];
      extra.textContent = row && row.help ? row.help : "";
    } else {
      var label = control.value ? knownLabel(spec, reference, control.value.trim()) : null;
      extra.textContent = label ? "In de catalogus: " + label : "";
    }
  }
  control.addEventListener(kind === "choice" ? "change" : "input", function () {
    holder[name] = control.value;
    describe();
    announce(control, path, control.value);
  });
  describe();
  return register(state, path, { kind: kind, wrapper: wrapper, control: control, error: fb.error, note: fb.note,
                                 describe: describe }).wrapper;
}

function checkboxWidget(state, node, path, required, holder, name) {
  var id = domId(path);
  var item = resolve(state.spec, node.items);
  var fb = feedback(id);
  var words = helpOf(state.spec, path, node);
  var help = words ? el("p", { class: "pv-form__help", id: id + "-uitleg", text: words }) : null;
  var box = el("div", { class: "pv-form__choices" });
  var fieldset = el("fieldset", { class: "pv-form__group", id: id, "data-path": key(path), "data-kind": "checkboxes",
                                  "aria-describedby": [help && help.id, fb.error.id].filter(Boolean).join(" ") },
                    [el("legend", {}, labelText(state.spec, path, required)), help, fb.error, fb.note, box]);
  var rows = choices(state.spec, item, name);
  rows.forEach(function (row) {
    var input = el("input", { type: "checkbox", id: id + "-" + row.code, name: key(path), value: row.code });
    input.checked = holder[name].indexOf(row.code) >= 0;
    // The record lists the codes in the order they were ticked: the first is the main one.
    input.addEventListener("change", function () {
      var codes = holder[name].filter(function (code) { return code !== row.code; });
      holder[name] = input.checked ? codes.concat([row.code]) : codes;
      announce(fieldset, path);
    });
    box.append(el("div", { class: "pv-form__choice" },
                  [input, el("label", { for: input.id, title: row.help || null, text: row.label })]));
  });
  return register(state, path, { kind: "checkboxes", wrapper: fieldset, control: box.querySelector("input"),
                                 error: fb.error, note: fb.note }).wrapper;
}

function objectWidget(state, node, path, required, holder) {
  var id = domId(path);
  var fb = feedback(id);
  var inner = el("div", { class: "pv-form__fields" });
  renderProperties(state, node, path, inner, holder);
  var words = helpOf(state.spec, path, node);
  var help = words ? el("p", { class: "pv-form__help", text: words }) : null;
  var wrapper;
  // A long optional group (a comparison, a baseline) starts folded, so a figure stays short.
  if (!required && Object.keys(node.properties).length > 3) {
    wrapper = el("details", { class: "pv-form__group", id: id, "data-path": key(path), "data-kind": "object" },
                 [el("summary", {}, labelText(state.spec, path, false)), help, fb.error, fb.note, inner]);
  } else {
    wrapper = el("fieldset", { class: "pv-form__group", id: id, "data-path": key(path), "data-kind": "object" },
                 [el("legend", {}, labelText(state.spec, path, required)), help, fb.error, fb.note, inner]);
  }
  return register(state, path, { kind: "object", wrapper: wrapper, control: wrapper, error: fb.error,
                                 note: fb.note }).wrapper;
}

function listWidget(state, node, path, required, items, kind) {
  var spec = state.spec;
  var id = domId(path);
  var fb = feedback(id);
  var words = helpOf(spec, path, node);
  var help = words ? el("p", { class: "pv-form__help", id: id + "-uitleg", text: words }) : null;
  var list = el("div", { class: "pv-form__items" });
  var add = el("button", { type: "button", class: "md-button pv-form__add", "data-add": key(path),
                           text: itemLabel(spec, path) + " toevoegen" });
  var fieldset = el("fieldset", { class: "pv-form__group pv-form__group--list", id: id, "data-path": key(path),
                                  "data-kind": kind, "aria-describedby": [help && help.id, fb.error.id].filter(Boolean).join(" ") },
                    [el("legend", {}, labelText(spec, path, required)), help, fb.error, fb.note, list, add]);
  register(state, path, { kind: kind, wrapper: fieldset, control: add, error: fb.error, note: fb.note });

  // Draws the items again after one is added or removed, so their numbers and paths stay in step.
  function draw(focusIndex) {
    var prefix = key(path) + "/";
    Object.keys(state.fields).forEach(function (k) { if (k.indexOf(prefix) === 0) delete state.fields[k]; });
    list.textContent = "";
    items.forEach(function (item, i) {
      var itemPath = path.concat([i]);
      var remove = el("button", { type: "button", class: "pv-form__remove", "data-remove": key(itemPath),
                                  text: "Verwijderen", "aria-label": itemLabel(spec, path) + " " + (i + 1) + " verwijderen" });
      remove.addEventListener("click", function () {
        items.splice(i, 1);
        draw(Math.min(i, items.length - 1));
        announce(fieldset, path);
      });
      var content;
      if (kind === "groups") {
        var itemFeedback = feedback(domId(itemPath));
        content = el("fieldset", { class: "pv-form__item", id: domId(itemPath), "data-path": key(itemPath), "data-kind": "object" },
                     [el("legend", { text: itemLabel(spec, path) + " " + (i + 1) }), itemFeedback.error, itemFeedback.note]);
        renderProperties(state, resolve(spec, node.items), itemPath, content, item);
        register(state, itemPath, { kind: "object", wrapper: content, control: content, error: itemFeedback.error,
                                    note: itemFeedback.note });
        content.append(remove);
      } else {
        content = el("div", { class: "pv-form__row" }, [renderField(state, node.items, itemPath, true, items, i, true), remove]);
      }
      list.append(content);
    });
    if (focusIndex !== undefined && focusIndex >= 0 && items.length) {
      var first = list.children[focusIndex].querySelector("input, select, textarea");
      if (first) first.focus();
    } else if (focusIndex !== undefined) add.focus();
  }

  add.addEventListener("click", function () {
    items.push(kind === "groups" ? {} : "");
    draw(items.length - 1);
    announce(fieldset, path);
  });
  draw();
  return fieldset;
}

// A datalist per kind of reference, so the id fields suggest what the catalogue holds.
export function datalists(spec) {
  return Object.keys(spec.known).map(function (kind) {
    var list = el("datalist", { id: "pv-bekend-" + kind });
    spec.known[kind].forEach(function (row) { list.append(el("option", { value: row.id, label: row.label })); });
    return list;
  });
}
