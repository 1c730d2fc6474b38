/*
 * The form "Voorbeeld toevoegen": a source that is not yet in the catalogue.
 *
 * Beside the practice's sources the contributor chooses "Een bron uit de
 * catalogus" or "Een bron die nog niet in de catalogus staat". The second
 * shows the fields form-spec.json "new_source" names, drawn by the same
 * widgets from the source's own file schema as the checker bundles it. The
 * new source is collected and checked as the practice is (form-record.js,
 * form-check.js), with the source's schema and rules in place of the
 * practice's; while it is chosen, the practice may cite it. Its id follows
 * publisher, year and title until the contributor edits it, and the
 * practice's first source follows the id. What was typed lives in
 * state.raw.new_source, so the draft keeps it. Its file is
 * catalog/sources/<id>.yaml (form-result.js writes it).
 */
import { el } from "./form-dom.js";
import { checkRecord } from "./form-check.js";
import { slug } from "./form-follow.js";
import { resolve } from "./form-model.js";
import { collect } from "./form-record.js";
import { CHANGE, renderProperties } from "./form-widgets.js";

export var NEW = "new_source"; // the first step of its fields' paths: new_source/title, ...
var FOLLOWED = ["publisher", "date", "title"]; // what the proposed id is made of

// The definition the new source is drawn, collected and checked with.
export function sourceSpec(spec) { return Object.assign({}, spec, spec.new_source); }

// What was typed for the new source: {chosen, idEdited, record}.
function typed(state) {
  if (!state.raw[NEW] || typeof state.raw[NEW] !== "object") state.raw[NEW] = {};
  var raw = state.raw[NEW];
  if (!raw.record || typeof raw.record !== "object") raw.record = { language: "nl" };
  return raw;
}

export function chosen(state) { return Boolean(typed(state).chosen); }

function announce(node, path, value) {
  node.dispatchEvent(new CustomEvent(CHANGE, { bubbles: true, detail: { path: path, value: value } }));
}

// The section, drawn once; it goes right after the practice's sources (form-app.js).
export function sourceSection(state) {
  var raw = typed(state), spec = sourceSpec(state.spec);
  var view = Object.create(state); // the same registry of fields and draft, the source's definition
  view.spec = spec;
  var node = resolve(spec, spec.schema), asked = { properties: {}, required: node.required };
  spec.fields.forEach(function (name) { asked.properties[name] = node.properties[name]; });
  var inner = el("div", { class: "pv-form__fields" });
  renderProperties(view, asked, [NEW], inner, raw.record);
  var fields = el("div", { hidden: !raw.chosen }, [inner]); // the class sets a display, which would beat hidden
  var error = el("p", { class: "pv-form__error", id: "pv-new_source-fout", hidden: true });
  var note = el("p", { class: "pv-form__note", id: "pv-new_source-let-op", hidden: true });
  var box = el("div", { class: "pv-form__choices" });
  var section = el("fieldset", { class: "pv-form__group", id: "pv-new_source", "data-path": NEW, "data-kind": "source-choice" },
    [el("legend", { text: "Staat uw bron al in de catalogus?" }),
     el("p", { class: "pv-form__help", text: "Bij Bronnen kiest u een bron uit de catalogus. Staat uw bron er nog " +
       "niet in? Kies dan 'Een bron die nog niet in de catalogus staat' en vul hieronder de gegevens van de bron " +
       "in. Het formulier maakt dan ook een bestand voor de bron, en uw voorbeeld verwijst ernaar." }),
     error, note, box, fields]);
  [[false, "Een bron uit de catalogus"], [true, "Een bron die nog niet in de catalogus staat"]].forEach(function (option) {
    var input = el("input", { type: "radio", name: "pv-nieuwe-bron", id: "pv-nieuwe-bron-" + (option[0] ? "ja" : "nee"),
                              value: option[0] ? "ja" : "nee", "data-action": option[0] ? "nieuwe-bron" : "bestaande-bron" });
    input.checked = Boolean(raw.chosen) === option[0];
    input.addEventListener("change", function () {
      raw.chosen = option[0];
      fields.hidden = !option[0];
      announce(section, [NEW, "chosen"], option[0]);
    });
    box.append(el("div", { class: "pv-form__choice" }, [input, el("label", { for: input.id, text: option[1] })]));
  });
  state.fields[NEW] = { kind: "object", path: [NEW], wrapper: section, control: box.querySelector("input"),
                        error: error, note: note };
  return section;
}

// "Gemeente Venlo", "2024-05", "Werkcentrum Venlo helpt ..." -> "gemeente-venlo-2024-werkcentrum-venlo-helpt"
export function proposeId(record) {
  function first(text, count) { return slug(String(text || "")).split("-").filter(Boolean).slice(0, count).join(" "); }
  var year = /^[12][0-9]{3}/.exec(String(record.date || "").trim());
  return slug([first(record.publisher, 3), year ? year[0] : "", first(record.title, 3)].join(" "));
}

// After a change at `path`: the id follows the source, the practice's first source follows the id.
export function followSource(state, path) {
  if (path[0] !== NEW) return;
  var raw = typed(state);
  if (path[1] === "id") raw.idEdited = true;
  if (!raw.idEdited && FOLLOWED.indexOf(path[1]) >= 0) {
    raw.record.id = proposeId(raw.record);
    state.fields[NEW + "/id"].control.value = raw.record.id;
  }
  cite(state, raw.chosen ? raw.record.id : "");
  offer(raw.chosen ? raw.record : null);
}

// The sources every source field suggests include the new one while it is chosen.
function offer(record) {
  var list = document.getElementById("pv-bekend-source");
  var option = list && list.querySelector("option[data-nieuw]");
  if (list && !option) option = list.appendChild(el("option", { "data-nieuw": true }));
  if (!option) return;
  option.value = record && record.id ? record.id : "";
  option.label = record && record.id ? "Nieuwe bron: " + (record.title || record.id) : "";
  option.disabled = !(record && record.id);
}

// The practice's first source names the new one while it is chosen, unless the contributor typed another
// source there (raw.cited: what the form itself put there last).
function cite(state, now) {
  var raw = typed(state), first = Array.isArray(state.raw.sources) ? state.raw.sources[0] : null;
  var widget = state.fields["sources/0/source"];
  if (!first || !widget) return;
  var current = String(first.source || "").trim();
  if (current && current !== raw.cited) return;
  first.source = raw.cited = now || "";
  widget.control.value = first.source;
  if (widget.describe) widget.describe();
}

// The new source checked as the checker checks catalog/sources/<id>.yaml: {data, problems, notes}.
export function checkSource(state) {
  var spec = sourceSpec(state.spec);
  var got = collect(spec, typed(state).record, [NEW]);
  var found = checkRecord(spec, state.rules, state.fields, got);
  return { data: got.data, problems: found.problems, notes: found.notes };
}

// The definition the practice is checked with while it may cite the new source.
export function citing(spec, source) {
  if (!source || typeof source.id !== "string") return spec;
  var known = Object.assign({}, spec.known, { source: spec.known.source.concat([{ id: source.id, label: source.title || source.id }]) });
  return Object.assign({}, spec, { known: known });
}
