/*
 * The form "Voorbeeld toevoegen": fields that follow other fields.
 *
 * The id (the file name) follows the title until the contributor edits the id
 * itself; a figure's unit follows its indicator, because the checker requires
 * the two to match. Both change state.raw and the field on the page together,
 * so the record and what the contributor sees stay the same.
 */
import { key } from "./form-model.js";

// "Venlo: Re-inspiratie!" -> "venlo-re-inspiratie" (like generator/tools/new.py's suggest_slug, at most 80 characters).
export function slug(text) {
  var words = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().match(/[a-z0-9]+/g) || [];
  return words.join("-").slice(0, 80).replace(/-+$/, "");
}

// After a change at `path` (with the typed `value` for a text field or a choice).
export function follow(state, path, value) {
  var name = key(path);
  if (name === "id") state.idEdited = true;
  if (name === "title" && !state.idEdited && state.fields.id) {
    state.raw.id = slug(value || "");
    state.fields.id.control.value = state.raw.id;
  }
  if (path.length === 3 && path[0] === "metrics" && path[2] === "indicator") setUnit(state, path, value);
}

function setUnit(state, path, indicator) {
  var row = (state.spec.codelists.indicator || []).filter(function (r) { return r.code === indicator; })[0];
  var unitPath = key(path.slice(0, 2).concat(["unit"]));
  var widget = state.fields[unitPath];
  if (!row || !row.unit || !widget) return;
  state.raw.metrics[path[1]].unit = row.unit;
  widget.control.value = row.unit;
  widget.describe();
}
