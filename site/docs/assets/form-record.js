/*
 * The form "Voorbeeld toevoegen": what was typed (state.raw) -> the record.
 *
 * Text is trimmed, numbers are read the Dutch way, and empty fields and
 * empty optional groups drop out, so the record holds only what the
 * contributor gave. Dropping items shifts list positions, so `map` records
 * where each value of the record was typed: record path -> form path (both
 * as keys), for putting a message at the right field. No DOM.
 */
import { key, kindOf, referenceKind, resolve } from "./form-model.js";

function textValue(value) {
  var text = String(value === undefined || value === null ? "" : value).replace(/\r\n?/g, "\n").trim();
  return text === "" ? undefined : text;
}

// "12", "12,5", "-26", "1 000": a number; anything else stays text, so the schema's type check names it.
// "1.000" is refused too: in Dutch it means a thousand, in YAML one.
export function numberValue(value) {
  var text = String(value || "").replace(/\s/g, "");
  if (!text) return undefined;
  if (/^[-+]?[1-9][0-9]{0,2}(\.[0-9]{3})+$/.test(text)) return text;
  if (/^[-+]?([0-9]+([.,][0-9]+)?|[.,][0-9]+)$/.test(text)) return Number(text.replace(",", "."));
  return text;
}

// A place typed by its name, in any case ("lelystad", "Venlo"), becomes its code; the checker knows places by code.
function placeCode(spec, path, text) {
  if (text === undefined || referenceKind(spec, path) !== "place") return text;
  var hit = (spec.known.place || []).filter(function (row) { return row.label.toLowerCase() === text.toLowerCase(); })[0];
  return hit ? hit.id : text;
}

function collectValue(spec, propNode, value, domPath, dataPath, required, map) {
  var node = resolve(spec, propNode);
  var kind = kindOf(spec, node);
  var out;
  if (kind === "text") out = placeCode(spec, dataPath, textValue(value));
  else if (kind === "number") out = numberValue(value);
  else if (kind === "choice") out = value ? value : undefined;
  else if (kind === "checkboxes") out = value && value.length ? value.slice() : undefined;
  else if (kind === "object") out = collectObject(spec, node, value || {}, domPath, dataPath, required, map);
  else {
    var items = [];
    (value || []).forEach(function (item, i) {
      var got = collectValue(spec, node.items, item, domPath.concat([i]), dataPath.concat([items.length]), false, map);
      if (got !== undefined) items.push(got);
    });
    // A required list of groups left empty keeps its first group, so the messages appear at its fields.
    if (!items.length && required && kind === "groups" && node.minItems && value && value.length) {
      items.push(collectValue(spec, node.items, value[0], domPath.concat([0]), dataPath.concat([0]), true, map));
    }
    out = items.length ? items : undefined;
  }
  if (out !== undefined) map[key(dataPath)] = key(domPath);
  return out;
}

// Empty optional groups drop out; a required group stays (as {}) so its own fields get the messages.
function collectObject(spec, node, holder, domPath, dataPath, required, map) {
  var out = {};
  var needed = node.required || [];
  Object.keys(node.properties).forEach(function (name) {
    var value = collectValue(spec, node.properties[name], holder[name], domPath.concat([name]), dataPath.concat([name]),
                             needed.indexOf(name) >= 0, map);
    if (value !== undefined) out[name] = value;
  });
  return Object.keys(out).length || required ? out : undefined;
}

// {data: the record, map: record key -> form key}; `prefix`: where the record's fields sit in the form
// (["new_source"] for a new source, form-source.js).
export function collect(spec, raw, prefix) {
  prefix = prefix || [];
  var map = { "": key(prefix) };
  return { data: collectObject(spec, resolve(spec, spec.schema), raw, prefix, [], true, map), map: map };
}
