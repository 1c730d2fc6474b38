/*
 * The form "Voorbeeld toevoegen" (toevoegen.md): a new practice record, made in the browser.
 *
 * The entry module, the only script toevoegen.md names (front matter
 * `scripts`); it imports the others, one job each, and wires them:
 *
 *   form-model.js     the definition (assets/form-spec.json) and the field model read from it
 *   form-widgets.js   the widgets, drawn from the schema; they announce each change
 *   form-follow.js    fields that follow others: the id follows the title, a unit its indicator
 *   form-source.js    a source that is not yet in the catalogue: its fields, its check, its id
 *   form-record.js    what was typed -> the record
 *   form-check.js     the record checked as the checker does: the schema (form-validate.js) and
 *                     the rules beyond it (form-rules.js, interpreting generator/catalog/rule_spec.py)
 *   form-messages.js  the messages at the fields and in the summary
 *   form-result.js    preview, YAML (form-yaml.js), download, copy and the GitHub links
 *   form-draft.js     what was typed, kept in the browser until the contributor clears it
 *
 * "Controleren" checks the record; messages appear in Dutch at the field and
 * in a list at the top, and after the first check they follow every change.
 * A valid record is shown as a preview and as YAML to copy, download or open
 * on GitHub's new-file page. Nothing is sent anywhere until the contributor
 * clicks that link. All text goes into the page through textContent or a
 * form value, never as HTML.
 */
import { el } from "./form-dom.js";
import { draftNotice, loadDraft, saveDraft } from "./form-draft.js";
import { compileRules, checkRecord } from "./form-check.js";
import { follow } from "./form-follow.js";
import { clearMessages, place, showSummary } from "./form-messages.js";
import { loadSpec, today } from "./form-model.js";
import { collect } from "./form-record.js";
import { resultSection, showResult } from "./form-result.js";
import { checkSource, chosen, citing, followSource, sourceSection } from "./form-source.js";
import { CHANGE, datalists, renderProperties } from "./form-widgets.js";

// form-spec.json is generated beside this file, in assets/ (generator/website/form_spec.py, SPEC_PATH).
var SPEC_URL = new URL("form-spec.json", import.meta.url);

// Everything the form keeps while it is open, in one place; the modules get it passed, none keeps its own.
function newState(spec, draft) {
  return {
    spec: spec,                // form-spec.json, read only
    rules: compileRules(spec), // the checker's patterns, compiled once
    // what was typed, shaped like the record: the kept draft, or an empty form
    raw: draft ? draft.raw : { record: { added: today(), updated: today(), contributors: [""] } },
    fields: {},                // "metrics/0/value" -> widget {kind, path, wrapper, control, error, note, describe?}
    parts: {},                 // the page's own elements: form, summary, result, yaml, github, ...
    checkedOnce: false,        // after the first check, messages follow every change
    idEdited: draft ? Boolean(draft.idEdited) : false, // until the id is edited, it follows the title
    downloadUrl: null,         // the current download (an object URL), released when replaced
    timer: null,               // the check that waits for typing to pause
    saveTimer: null            // the draft is kept once typing pauses
  };
}

// Checks what was typed and shows the messages or the result; returns the number of problems.
// A new source, when chosen, is checked too, and the practice may cite it.
function check(state) {
  var source = chosen(state) ? checkSource(state) : { data: null, problems: [], notes: [] };
  var spec = citing(state.spec, source.data);
  var got = collect(spec, state.raw);
  var found = checkRecord(spec, state.rules, state.fields, got);
  var problems = found.problems.concat(source.problems), notes = found.notes.concat(source.notes);
  clearMessages(state);
  var shown = place(state, problems, "error");
  place(state, notes, "note");
  showSummary(state, shown);
  if (problems.length) state.parts.result.hidden = true;
  else showResult(state, spec, got.data, notes, source.data);
  return problems.length;
}

function changed(state, path, value) {
  follow(state, path, value);
  followSource(state, path);
  clearTimeout(state.saveTimer);
  state.saveTimer = setTimeout(function () { saveDraft(state); }, 200);
  if (!state.checkedOnce) return;
  clearTimeout(state.timer);
  state.timer = setTimeout(function () { check(state); }, 250);
}

function start(app, spec) {
  var draft = loadDraft();
  try {
    draw(app, spec, draft);
  } catch (error) { // a draft the form can no longer read (its fields changed): start empty
    if (!draft) throw error;
    console.error("Voorbeeld toevoegen: het bewaarde concept past niet meer", error);
    draw(app, spec, null);
  }
}

var current = null; // the state of the form on the page; a cleared form's pending save must not bring it back

function draw(app, spec, draft) {
  if (current) { clearTimeout(current.saveTimer); clearTimeout(current.timer); }
  var state = current = newState(spec, draft);
  var parts = state.parts;
  parts.summary = el("div", { class: "pv-form__summary", tabindex: "-1", "aria-labelledby": "pv-samenvatting-titel", hidden: true });
  parts.form = el("form", { class: "pv-form__form", novalidate: true });
  parts.form.addEventListener(CHANGE, function (event) { changed(state, event.detail.path, event.detail.value); });
  renderProperties(state, spec.schema, [], parts.form, state.raw);
  state.fields.sources.wrapper.after(sourceSection(state));
  parts.form.append(el("div", { class: "pv-form__actions" },
                       [el("button", { type: "submit", class: "md-button md-button--primary", text: "Controleren en bestand maken" })]));
  parts.form.addEventListener("submit", function (event) {
    event.preventDefault();
    state.checkedOnce = true;
    clearTimeout(state.timer);
    if (check(state)) {
      parts.summary.focus();
    } else {
      parts.result.querySelector("h2").focus();
    }
  });
  app.textContent = "";
  var notice = draftNotice(Boolean(draft), function () { draw(app, spec, null); });
  app.append.apply(app, [notice, parts.summary, parts.form, resultSection(state)].concat(datalists(spec)));
}

var app = document.querySelector("[data-pv-form=app]");
if (app) {
  window.addEventListener("pagehide", function () { if (current && current.saveTimer) saveDraft(current); });
  loadSpec(SPEC_URL).then(function (spec) { start(app, spec); }).catch(function (error) {
    console.error("Voorbeeld toevoegen:", error);
    app.textContent = "";
    app.append(el("p", { class: "pv-form__error", text: "Het formulier kon niet laden. Probeer het later opnieuw, " +
                                                          "of volg de stappen op de pagina Bijdragen." }));
  });
}
