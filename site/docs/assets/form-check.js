/*
 * The form "Voorbeeld toevoegen": checking a record, as the checker does.
 *
 * The record is validated against the same bundled schema the checker uses
 * (form-validate.js), then the checker's rules beyond the schema
 * (generator/catalog/check.py) run on it; every message is a Dutch template from the
 * spec. A problem or note comes out as {target, text}: target is the key of
 * the form field it belongs to (through the map form-record.js made). Only
 * problems stop the result; notes do not. No DOM.
 */
import { codeLabel, fill, isObject, key, knownLabel, labelOf, lastName, referenceKind } from "./form-model.js";
import { validate } from "./form-validate.js";

var DATE = /^[12][0-9]{3}-[01][0-9]-[0-3][0-9]$/;

// The checker's patterns, compiled once per page (their `g` flag keeps a position, reset before each use).
export function compileRules(spec) {
  return {
    email: new RegExp(spec.rules.email, "g"),
    phone: new RegExp(spec.rules.phone, "g"),
    link: new RegExp(spec.rules.link_target, "gi") // re.IGNORECASE in check.py
  };
}

// {problems, notes} for got = collect(...); `fields` (the widget registry) tells which message fits a field.
export function checkRecord(spec, rules, fields, got) {
  return {
    problems: schemaProblems(spec, fields, got.data, got.map).concat(ruleProblems(spec, rules, got.data, got.map)),
    notes: notes(spec, got.data, got.map)
  };
}

function schemaProblems(spec, fields, data, map) {
  return validate(spec.schema, data).map(function (error) {
    var base = map[key(error.path)];
    if (base === undefined) base = key(error.path);
    var name = error.keyword === "required" ? error.params.property
      : error.keyword === "dependentRequired" ? error.params.missing : null;
    var target = name ? (base ? base + "/" + name : name) : base;
    return { target: target, text: schemaMessage(spec, error, fields[target]) };
  });
}

function schemaMessage(spec, error, widget) {
  var m = spec.messages, p = error.params, kind = widget ? widget.kind : "text";
  if (error.keyword === "required") {
    if (kind === "choice") return m["required-choice"];
    if (kind === "checkboxes") return m["required-checkboxes"];
    if (kind === "list" || kind === "groups") return m["required-list"];
    if (kind === "object") return m["required-group"];
    return m.required;
  }
  if (error.keyword === "type") {
    return p.expected === "number" ? m["type-number"] : p.expected === "integer" ? m["type-integer"] : m.type;
  }
  if (error.keyword === "pattern") return spec.pattern_hints[p.pattern] || m.pattern;
  if (error.keyword === "dependentRequired") return fill(m.dependentRequired, { property: labelOf(spec, [p.property]) });
  return fill(m[error.keyword] || m.type, p);
}

// Every string in the record with its path.
function strings(value, path, out) {
  if (typeof value === "string") out.push({ path: path, text: value });
  else if (Array.isArray(value)) value.forEach(function (v, i) { strings(v, path.concat([i]), out); });
  else if (isObject(value)) Object.keys(value).forEach(function (k) { strings(value[k], path.concat([k]), out); });
  return out;
}

function matches(regex, text) {
  var found = [], match;
  regex.lastIndex = 0;
  while ((match = regex.exec(text)) !== null) {
    found.push(match);
    if (match[0] === "") regex.lastIndex++;
  }
  return found;
}

function periods(data) {
  var out = [];
  if (isObject(data.period)) out.push({ path: ["period"], value: data.period });
  ["metrics", "costs", "funding"].forEach(function (name) {
    (Array.isArray(data[name]) ? data[name] : []).forEach(function (item, i) {
      if (!isObject(item)) return;
      if (isObject(item.period)) out.push({ path: [name, i, "period"], value: item.period });
      ["comparison", "baseline"].forEach(function (part) {
        if (isObject(item[part]) && isObject(item[part].period)) {
          out.push({ path: [name, i, part, "period"], value: item[part].period });
        }
      });
    });
  });
  return out;
}

// The checker's rules beyond the schema (generator/catalog/check.py), on the same record.
function ruleProblems(spec, rules, data, map) {
  var out = [];
  function at(dataPath, code, params) {
    var target = map[key(dataPath)];
    out.push({ target: target === undefined ? key(dataPath) : target, text: fill(spec.messages[code], params || {}) });
  }
  var taken = typeof data.id === "string" ? knownLabel(spec, "practice", data.id) : null;
  if (taken) at(["id"], "id-taken", { title: taken });

  var units = {};
  (spec.codelists.indicator || []).forEach(function (row) { units[row.code] = row.unit; });
  (Array.isArray(data.metrics) ? data.metrics : []).forEach(function (metric, i) {
    if (!isObject(metric)) return;
    var expected = units[metric.indicator];
    if (expected && typeof metric.unit === "string" && metric.unit !== expected) {
      at(["metrics", i, "unit"], "unit-mismatch", { expected: codeLabel(spec, "unit", expected) });
    }
    ["comparison", "baseline"].forEach(function (part) {
      var other = metric[part];
      if (isObject(other) && typeof other.unit === "string" && typeof metric.unit === "string" && other.unit !== metric.unit) {
        at(["metrics", i, part, "unit"], "comparison-unit-mismatch", { expected: codeLabel(spec, "unit", metric.unit) });
      }
    });
  });

  periods(data).forEach(function (period) {
    var start = period.value.start, end = period.value.end;
    if (typeof start === "string" && typeof end === "string") {
      var n = Math.min(start.length, end.length);
      if (start.slice(0, n) > end.slice(0, n)) at(period.path.concat(["end"]), "period-order");
    }
  });

  var record = data.record;
  if (isObject(record) && DATE.test(record.added || "") && DATE.test(record.updated || "") && record.updated < record.added) {
    at(["record", "updated"], "record-dates-order");
  }

  var costs = Array.isArray(data.costs) ? data.costs : [];
  costs.forEach(function (cost, i) {
    var part = isObject(cost) ? cost.part_of : undefined;
    if (Number.isInteger(part) && !(part >= 1 && part <= costs.length && part !== i + 1)) {
      at(["costs", i, "part_of"], "cost-part-of", { count: costs.length });
    }
  });

  strings(data, [], []).forEach(function (item) {
    matches(rules.email, item.text).forEach(function (m) {
      if (spec.rules.role_mailboxes.indexOf(m[0].split("@")[0].toLowerCase()) < 0) {
        at(item.path, "personal-email", { value: m[0] });
      }
    });
    matches(rules.phone, item.text).forEach(function (m) { at(item.path, "personal-phone", { value: m[0] }); });
    if (lastName(item.path) !== "url") {
      matches(rules.link, item.text).forEach(function (m) {
        var target = m[1] || m[2];
        if (!/^https?:\/\//i.test(target)) at(item.path, "url-scheme", { value: target });
      });
    }
  });
  return out;
}

// Notes that do not stop the result: references not (yet) in the catalogue, a long summary.
function notes(spec, data, map) {
  var out = [];
  strings(data, [], []).forEach(function (item) {
    var kind = referenceKind(spec, item.path);
    if (kind && !knownLabel(spec, kind, item.text)) {
      out.push({ target: map[key(item.path)], text: fill(spec.messages["unknown-reference"],
                 { value: item.text, home: spec.reference_homes[kind] }) });
    }
  });
  var limit = spec.rules.summary_soft_limit;
  if (typeof data.summary === "string" && Array.from(data.summary).length > limit) {
    out.push({ target: map.summary, text: fill(spec.messages["summary-long"],
               { length: Array.from(data.summary).length, limit: limit }) });
  }
  return out;
}
