/*
 * The form "Voorbeeld toevoegen": the checker's rules beyond the schema, interpreted.
 *
 * The rules are not written here. They are declared once, as data, in
 * generator/catalog/rule_spec.py; the checker interprets that declaration in
 * Python (record_rules.py, text_rules.py) and this module interprets the same
 * declaration from form-spec.json ("rules"). Each check below is the
 * JavaScript twin of the Python function of the same name, and
 * tests/test_form.py runs every negative example file through both.
 *
 * Every finding is {code, path, params}: the checker's problem code, the path
 * in the record the checker reports it at, and the params of its message.
 * No DOM, so Node runs it too.
 */
import { isObject, knownLabel } from "./form-model.js";

function compile(declared) { return new RegExp(declared.source, declared.flags); }
// For a test, not a search: without the `g` flag, test() keeps no position between calls.
function tester(declared) { return new RegExp(declared.source, declared.flags.replace("g", "")); }

// The declared patterns, compiled once per page (a `g` flag keeps a position, reset before each use).
export function compileRules(spec) {
  var rules = spec.rules;
  return {
    texts: rules.texts.map(function (rule) {
      var out = Object.assign({}, rule, { regex: compile(rule.regex) });
      if (rule.allow) out.allow = tester(rule.allow);
      return out;
    }),
    control: new RegExp(rules.control.source),
    date: tester(rules.date),
    fullDate: tester(rules.full_date)
  };
}

// (path, value) for each value at a path pattern; "*" is every item of a list (schemas.values_at).
export function valuesAt(data, pattern, path, out) {
  path = path || [];
  out = out || [];
  if (!pattern.length) out.push({ path: path, value: data });
  else if (pattern[0] === "*") {
    (Array.isArray(data) ? data : []).forEach(function (item, i) { valuesAt(item, pattern.slice(1), path.concat([i]), out); });
  } else if (isObject(data) && Object.prototype.hasOwnProperty.call(data, pattern[0])) {
    valuesAt(data[pattern[0]], pattern.slice(1), path.concat([pattern[0]]), out);
  }
  return out;
}

// Every string in the record with its path (entry.strings).
export function strings(value, path, out) {
  if (typeof value === "string") out.push({ path: path, text: value });
  else if (Array.isArray(value)) value.forEach(function (v, i) { strings(v, path.concat([i]), out); });
  else if (isObject(value)) Object.keys(value).forEach(function (k) { strings(value[k], path.concat([k]), out); });
  return out;
}

function length(text) { return Array.from(text).length; } // Python's len(): code points

function isInteger(value) { return typeof value === "number" && Number.isInteger(value); }

// ---- the rules of the record's kind (record_rules._kind_rules and its CHECKS) ---------------

var CHECKS = {
  length: function (rule, value, path) {
    if (typeof value === "string" && rule.above < length(value) && length(value) <= rule.upto) {
      return [[path, { length: length(value), limit: rule.above }]];
    }
    return [];
  },
  order: function (rule, value, path, ctx) {
    if (!isObject(value)) return [];
    var first = value[rule.first], then = value[rule.then];
    if (typeof first !== "string" || typeof then !== "string") return [];
    if (rule.dates && !(ctx.compiled.date.test(first) && ctx.compiled.date.test(then))) return [];
    var n = Math.min(first.length, then.length), params = {};
    if (!(first.slice(0, n) > then.slice(0, n))) return [];
    params[rule.first] = first;
    params[rule.then] = then;
    return [[rule.at_then ? path.concat([rule.then]) : path, params]];
  },
  "indicator-unit": function (rule, metric, path, ctx) {
    if (!isObject(metric) || typeof metric.indicator !== "string") return [];
    var expected = ctx.units[metric.indicator];
    if (expected && typeof metric.unit === "string" && metric.unit !== expected) {
      return [[path.concat(["unit"]), { unit: metric.unit, indicator: metric.indicator, expected: expected }]];
    }
    return [];
  },
  "same-unit": function (rule, metric, path) {
    var unit = isObject(metric) ? metric.unit : undefined;
    if (typeof unit !== "string") return [];
    return rule.parts.filter(function (part) {
      var other = metric[part];
      return isObject(other) && typeof other.unit === "string" && other.unit !== unit;
    }).map(function (part) { return [path.concat([part, "unit"]), { unit: metric[part].unit, expected: unit }]; });
  },
  "part-of": function (rule, items, path) {
    if (!Array.isArray(items)) return [];
    var out = [];
    items.forEach(function (item, i) {
      var value = isObject(item) ? item[rule.field] : undefined;
      if (isInteger(value) && !(value >= 1 && value <= items.length && value !== i + 1)) {
        out.push([path.concat([i, rule.field]), { value: value, count: items.length }]);
      }
    });
    return out;
  },
  "links-back": function (rule, other, path, ctx) {
    var target = typeof other === "string" ? ctx.practices[other] : undefined;
    if (target && other !== ctx.id && (Array.isArray(target.related) ? target.related : []).indexOf(ctx.id) < 0) {
      return [[path, { id: ctx.id, other: other }]];
    }
    return [];
  }
};

function practiceRules(spec, compiled, data) {
  var ctx = { compiled: compiled, units: {}, practices: {}, id: typeof data.id === "string" ? data.id : null };
  (spec.codelists.indicator || []).forEach(function (row) { if (row.unit) ctx.units[row.code] = row.unit; });
  (spec.known.practice || []).forEach(function (row) { ctx.practices[row.id] = row; });
  var out = [];
  spec.rules.record.forEach(function (rule) {
    rule.paths.forEach(function (pattern) {
      valuesAt(data, pattern).forEach(function (at) {
        CHECKS[rule.check](rule, at.value, at.path, ctx).forEach(function (found) {
          out.push({ code: rule.code, path: found[0], params: found[1] });
        });
      });
    });
  });
  return out;
}

// ---- contact data and links in every text (record_rules._texts) ----------------------------

function matches(regex, text) {
  var found = [], match;
  regex.lastIndex = 0;
  while ((match = regex.exec(text)) !== null) {
    found.push(match);
    if (match[0] === "") regex.lastIndex++;
  }
  return found;
}

function textRules(compiled, data) {
  var out = [], seen = {};
  strings(data, [], []).forEach(function (item) {
    compiled.texts.forEach(function (rule) {
      if (rule.not_in && item.path[item.path.length - 1] === rule.not_in) return;
      matches(rule.regex, item.text).forEach(function (m) {
        var value = m.slice(1).filter(Boolean)[0] || m[0];
        if (rule.skip && rule.skip.indexOf(value.split("@")[0].toLowerCase()) >= 0) return;
        if (rule.allow && rule.allow.test(value)) return;
        var id = JSON.stringify([rule.code, item.path, value]); // a value found twice in one text is one problem
        if (!seen[id]) out.push({ code: rule.code, path: item.path, params: { value: value } });
        seen[id] = true;
      });
    });
  });
  return out;
}

// ---- rules on every published value (text_rules.py) ------------------------------------------

function publishedTextRules(spec, compiled, data) {
  var out = [];
  strings(data, [], []).forEach(function (item) {
    var sign = spec.rules.formula_signs[item.text.charAt(0)];
    if (item.text && sign) out.push({ code: "text-formula-start", path: item.path, params: { sign_nl: sign } });
    var rest = item.text.charAt(0) === "\r" ? item.text.slice(1) : item.text; // a leading \r is a formula start
    var control = compiled.control.exec(rest);
    if (control) {
      var hex = control[0].charCodeAt(0).toString(16).toUpperCase();
      out.push({ code: "text-control-char", path: item.path, params: { char: "U+" + "0000".slice(hex.length) + hex } });
    }
  });
  spec.rules.date_paths.forEach(function (pattern) {
    valuesAt(data, pattern).forEach(function (at) {
      var params = impossibleDate(spec, compiled, at.value);
      if (params) out.push({ code: "date-impossible", path: at.path, params: params });
    });
  });
  return out;
}

function impossibleDate(spec, compiled, value) {
  var match = typeof value === "string" ? compiled.fullDate.exec(value) : null;
  if (!match) return null;
  var year = Number(match[1]), month = Number(match[2]), day = Number(match[3]);
  if (month < 1 || month > 12 || year < 1) return null;
  var days = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // month lengths of a leap year ...
  if (month === 2 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) days = 28; // ... but February
  if (!(days < day && day <= 31)) return null;
  return { value: value, year: year, days: days, month_nl: spec.rules.months_nl[month - 1] };
}

// ---- identity and references (record_rules._identity and _references) ------------------------

function references(spec, data) {
  var out = [];
  var taken = typeof data.id === "string" ? knownLabel(spec, spec.kind, data.id) : null; // a practice, or a new source
  if (taken) out.push({ code: "id-duplicate", path: ["id"], params: { id: data.id, title: taken } });
  spec.reference_paths.forEach(function (ref) {
    valuesAt(data, ref.path).forEach(function (at) {
      if (typeof at.value !== "string") return;
      if (ref.kind === "practice" && at.value === data.id) {
        out.push({ code: "related-self", path: at.path, params: { value: at.value } });
      } else if (knownLabel(spec, ref.kind, at.value) === null) {
        out.push({ code: "unresolved-" + ref.kind, path: at.path, params: { value: at.value } });
      }
    });
  });
  return out;
}

// Every finding of the rules beyond the schema on one practice.
export function ruleFindings(spec, compiled, data) {
  if (!isObject(data)) return [];
  return references(spec, data).concat(textRules(compiled, data), practiceRules(spec, compiled, data),
                                       publishedTextRules(spec, compiled, data));
}
