/*
 * The form "Voorbeeld toevoegen": checking a record, as the checker does.
 *
 * The record is validated against the same bundled schema the checker uses
 * (form-validate.js); each error becomes the checker's problem code by the
 * checker's own table (form-spec.json "schema_codes", from
 * generator/catalog/schema_errors.py). Then the rules beyond the schema run,
 * interpreted from their one declaration (form-rules.js). findProblems gives
 * {code, path, params} as the checker reports them (tests/test_form.py
 * compares the two); checkRecord turns them into {target, text} for the page:
 * target is the key of the form field (through the map form-record.js made),
 * text the Dutch message from problems.MESSAGES. Problems stop the result,
 * notes (warnings, and references the pull request may still add) do not.
 * No DOM.
 */
import { codeLabel, fill, key, labelOf } from "./form-model.js";
import { compileRules as compileDeclared, ruleFindings } from "./form-rules.js";
import { closeMatch } from "./form-suggest.js";
import { validate } from "./form-validate.js";

export function compileRules(spec) { return compileDeclared(spec); }

function at(data, path) {
  return path.reduce(function (node, step) { return node === undefined || node === null ? undefined : node[step]; }, data);
}

// ---- the usual mistakes (generator/catalog/mistakes.py, declared in form-spec.json "mistakes") ----

// The field an unknown key was probably meant to be (schema_errors._field_meant).
function fieldMeant(spec, name, allowed) {
  var dutch = (spec.mistakes.dutch_fields[String(name).toLowerCase()] || []).filter(function (option) {
    return allowed.indexOf(option) >= 0;
  })[0];
  return dutch || closeMatch(String(name), allowed.slice().sort());
}

function numberWithUnit(spec, value) {
  var match = typeof value === "string" ? new RegExp(spec.mistakes.number_with_unit).exec(value) : null;
  if (!match) return null;
  return { value: value, number: match[1].replace(",", "."), number_nl: match[1].replace(".", ","),
           unit_nl: spec.mistakes.unit_words[match[2]] || match[2] };
}

function dateInWords(spec, value) {
  var match = typeof value === "string" ? new RegExp(spec.mistakes.date_in_words, "i").exec(value) : null;
  if (!match) return null;
  var month = 0;
  spec.mistakes.months.forEach(function (names) {
    var i = names.indexOf(match[2].toLowerCase());
    if (i >= 0 && !month) month = i + 1;
  });
  function two(n) { return (n < 10 ? "0" : "") + n; }
  return { value: value, date: match[3] + "-" + two(month) + (match[1] ? "-" + two(Number(match[1])) : "") };
}

function mistake(spec, error, value) {
  var p = error.params;
  if (error.keyword === "type" && (p.expected === "number" || p.expected === "integer")) {
    var number = numberWithUnit(spec, value);
    return number ? { code: "number-with-unit", params: number } : null;
  }
  if (error.keyword === "pattern" && spec.mistakes.date_patterns.indexOf(p.pattern) >= 0) {
    var date = dateInWords(spec, value);
    return date ? { code: "date-in-words", params: date } : null;
  }
  return null;
}

// One JSON Schema error -> the checker's problems (schema_errors._translate): [{code, path, params}].
// `meant`: per mapping (key of its path), the fields its unknown keys were probably meant to be.
function schemaFindings(spec, error, data, meant) {
  var codes = spec.schema_codes, p = error.params;
  var found = mistake(spec, error, at(data, error.path));
  if (found) return [{ code: found.code, path: error.path, params: found.params }];
  if (error.keyword === "additionalProperties") {
    return p.properties.slice().sort().map(function (name) {
      return { code: codes.keywords.additionalProperties, path: error.path.concat([name]), params: { field: name } };
    });
  }
  if (error.keyword === "required") {
    if ((meant[key(error.path)] || []).indexOf(p.property) >= 0) return []; // the misspelled key says it already
    return [{ code: codes.keywords.required, path: error.path, params: { field: p.property }, field: p.property }];
  }
  var code = error.keyword === "enum" && p.codelist ? codes.codelist : codes.keywords[error.keyword] || codes.other;
  var params = Object.assign({ value: at(data, error.path) }, p);
  if (error.keyword === "dependentRequired") {
    params = { field: p.property, missing: p.missing, field_label: labelOf(spec, [p.property]) };
    return [{ code: code, path: error.path, params: params, field: p.missing }];
  }
  return [{ code: code, path: error.path, params: params, keyword: error.keyword }];
}

// Every problem the checker reports on this practice, as {code, path, params, field?, keyword?}
// (field: the missing field a required or dependentRequired problem names).
export function findProblems(spec, compiled, data) {
  var found = [], errors = validate(spec.schema, data), meant = {};
  errors.forEach(function (error) {
    if (error.keyword !== "additionalProperties") return;
    meant[key(error.path)] = error.params.properties.map(function (name) {
      return fieldMeant(spec, name, error.params.allowed);
    });
  });
  errors.forEach(function (error) { found = found.concat(schemaFindings(spec, error, data, meant)); });
  return found.concat(ruleFindings(spec, compiled, data));
}

function variant(spec, problem, widget) {
  if (problem.code === "schema-required") return widget ? widget.kind : "";
  if (problem.code === "id-duplicate") return spec.kind === "practice" ? "" : spec.kind;
  if (problem.code === "schema-type") return problem.params.expected;
  return "";
}

function message(spec, problem, widget) {
  if (problem.keyword === "pattern" && spec.pattern_hints[problem.params.pattern]) {
    return spec.pattern_hints[problem.params.pattern];
  }
  var texts = spec.messages[problem.code] || { "": problem.code };
  var params = Object.assign({}, problem.params);
  if (params.expected && (problem.code === "unit-mismatch" || problem.code === "comparison-unit-mismatch")) {
    params.expected_label = codeLabel(spec, "unit", params.expected);
  }
  return fill(texts[variant(spec, problem, widget)] || texts[""], params);
}

// {problems, notes} for got = collect(...); `fields` (the widget registry) tells which message fits a field.
export function checkRecord(spec, rules, fields, got) {
  var out = { problems: [], notes: [] };
  findProblems(spec, rules, got.data).forEach(function (problem) {
    var path = problem.field ? problem.path.concat([problem.field]) : problem.path;
    var target = got.map[key(path)];
    if (target === undefined) {
      var base = got.map[key(problem.path)];
      target = problem.field && base !== undefined ? (base ? base + "/" : "") + problem.field : key(path);
    }
    var note = spec.warnings.indexOf(problem.code) >= 0 || spec.not_blocking.indexOf(problem.code) >= 0;
    (note ? out.notes : out.problems).push({ target: target, text: message(spec, problem, fields[target]), code: problem.code });
  });
  return out;
}
