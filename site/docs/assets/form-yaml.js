/*
 * YAML for the form "Voorbeeld toevoegen": plain data -> a record in the
 * catalogue's own style (block mappings, lists of codes in flow style,
 * multi-line text as literal blocks, long sentences folded).
 *
 * Every string comes back unchanged under YAML 1.2 (the project's loader)
 * and is never read as a number, boolean, null or date by YAML 1.1 tools:
 * when a plain or block style is not certain to round-trip, the string is
 * written double-quoted with escapes. tests/test_form.py loads the
 * output of tricky strings and of every practice in the catalogue with
 * generator.catalog.load and compares. An ES module without imports or DOM access: it
 * runs in the browser (form-result.js imports it) and in Node.
 */
var WIDTH = 88;
// Not printable in YAML (c-printable), or a line break to YAML 1.1 parsers such as libyaml.
// (With the u flag the surrogate range matches only unpaired halves, never an emoji.)
var UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF\uD800-\uDFFF]/u;
var UNSAFE_ALL = new RegExp(UNSAFE.source, "gu");
// A conservative plain scalar: starts with a letter, no YAML indicators that matter mid-text.
var PLAIN = /^[\p{L}(][\p{L}\p{N}\p{M} .,;()\/'’"?!%€&+=–—…-]*$/u;
// Plain words that YAML 1.1 or 1.2 reads as null or a boolean.
var SPECIAL_WORD = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
var CODE = /^[A-Za-z][A-Za-z0-9-]*$/;

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function quoted(text) {
  // JSON escapes are valid YAML double-quoted escapes; add the ones YAML needs beyond JSON.
  return JSON.stringify(text).replace(UNSAFE_ALL, function (c) {
    return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
  });
}

function isPlain(text) {
  return PLAIN.test(text) && !/\s$/.test(text) && !SPECIAL_WORD.test(text) && !/\s\s/.test(text);
}

function isCode(text) {
  return CODE.test(text) && !SPECIAL_WORD.test(text);
}

function number(value) {
  if (!isFinite(value)) throw new Error("not a finite number: " + value);
  return String(value); // "12", "-26", "0.5", "1e+21": YAML 1.2 core numbers
}

function scalar(value) {
  if (typeof value === "number") return number(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value === null) return "null";
  return isPlain(value) ? value : quoted(value);
}

// A literal block keeps every character when no line has trailing blanks and the first has no indent.
function literalLines(text) {
  if (UNSAFE.test(text) || /\r/.test(text)) return null;
  var body = text.replace(/\n+$/, "");
  var lines = body.split("\n");
  if (!lines[0] || /^[ \t]/.test(lines[0])) return null;
  if (lines.some(function (line) { return /[ \t]$/.test(line) || /^\t/.test(line); })) return null;
  var trailing = text.length - body.length;
  // "|+" keeps the line breaks after the text: one per empty line that follows it.
  for (var i = 1; i < trailing; i++) lines.push("");
  return { chomp: trailing === 0 ? "-" : trailing === 1 ? "" : "+", lines: lines };
}

// Folding a sentence at single spaces gives it back exactly when it has no double blanks or tabs.
function foldedLines(text, width) {
  if (UNSAFE.test(text) || /[\n\r\t]|\s\s|^\s|\s$/.test(text)) return null;
  var words = text.split(" ");
  var lines = [], line = "";
  words.forEach(function (word) {
    if (line && line.length + 1 + word.length > width) { lines.push(line); line = word; }
    else line = line ? line + " " + word : word;
  });
  lines.push(line);
  return lines;
}

// The text after "key:" or "-" for a string, and the lines below it (already indented).
function stringValue(text, indent) {
  var pad = new Array(indent + 3).join(" ");
  if (text.indexOf("\n") >= 0) {
    var literal = literalLines(text);
    if (literal) return { head: " |" + literal.chomp, body: literal.lines.map(function (l) { return l ? pad + l : ""; }) };
    return { head: " " + quoted(text), body: [] };
  }
  if (isPlain(text) && indent + text.length < WIDTH - 10) return { head: " " + text, body: [] };
  if (text.length > 60) {
    var folded = foldedLines(text, WIDTH - indent - 2);
    if (folded && folded.length > 1) return { head: " >-", body: folded.map(function (l) { return pad + l; }) };
  }
  return { head: " " + scalar(text), body: [] };
}

function value(data, indent) {
  if (typeof data === "string") return stringValue(data, indent);
  if (Array.isArray(data)) {
    if (!data.length) return { head: " []", body: [] };
    if (data.every(function (item) { return typeof item === "string" && isCode(item); })) {
      return { head: " [" + data.join(", ") + "]", body: [] };
    }
    return { head: "", body: sequence(data, indent + 2) };
  }
  if (isObject(data)) {
    if (!Object.keys(data).length) return { head: " {}", body: [] };
    return { head: "", body: mapping(data, indent + 2) };
  }
  return { head: " " + scalar(data), body: [] };
}

function mapping(data, indent) {
  var pad = new Array(indent + 1).join(" ");
  var out = [];
  Object.keys(data).forEach(function (key) {
    if (data[key] === undefined) return;
    var v = value(data[key], indent);
    out.push(pad + key + ":" + v.head);
    out.push.apply(out, v.body);
  });
  return out;
}

function sequence(items, indent) {
  var pad = new Array(indent + 1).join(" ");
  var out = [];
  items.forEach(function (item) {
    if (isObject(item) && Object.keys(item).length) {
      // "- first: x" then the other keys under "first"
      var lines = mapping(item, indent + 2);
      out.push(pad + "- " + lines[0].slice(indent + 2));
      out.push.apply(out, lines.slice(1));
    } else {
      var v = value(item, indent);
      out.push(pad + "-" + v.head);
      out.push.apply(out, v.body);
    }
  });
  return out;
}

// The whole record; `header` lines (comments) come first.
function dump(data, header) {
  return (header || []).concat(mapping(data, 0)).join("\n") + "\n";
}

export { dump, scalar };
