/*
 * The explorer's CSV: reading the data package's tables (comma-separated, RFC 4180)
 * and writing the selection a person downloads: semicolon-separated with a byte-order
 * mark (added by verkennen.js), so Excel with Dutch settings opens it in columns.
 */

// ---- CSV ----------------------------------------------------------------

// RFC 4180: quoted fields may hold commas, quotes ("") and line breaks.
export function parseCsv(text) {
  var rows = [], row = [], field = "", quoted = false;
  for (var i = 0; i < text.length; i++) {
    var c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += c;
  }
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  var header = rows.shift() || [];
  return rows.filter(function (r) { return r.length > 1 || r[0] !== ""; }).map(function (r) {
    var record = {};
    header.forEach(function (name, j) { record[name] = r[j] === undefined ? "" : r[j]; });
    return record;
  });
}

// Text that starts with =, +, -, @, a tab or a carriage return is a formula to a
// spreadsheet (=HYPERLINK(...), +cmd|...): an apostrophe in front keeps it text there.
// The checker refuses such text in records; this holds even if one slips through.
// Numbers (the figure counts) are numbers and stay as they are.
var FORMULA_START = /^[=+\-@\t\r]/;

var SEPARATOR = ";";

function csvCell(value) {
  var text = String(value);
  if (typeof value !== "number" && FORMULA_START.test(text)) text = "'" + text;
  return /[";,\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

var CSV_HEADER = ["id", "titel", "plaatsen", "periode_begin", "periode_einde", "status", "bewijsniveau",
  "themas", "aantal_cijfers", "kerncijfers", "kosten", "adres"];

// Semicolons between the cells: Excel with Dutch settings (decimal comma) splits on them.
export function selectionCsv(rows) {
  var lines = [CSV_HEADER.join(SEPARATOR)];
  rows.forEach(function (r) {
    lines.push([r.id, r.title, r.places.join(", "), r.start, r.end, r.statusLabel, r.evidenceLabel,
      r.themeLabels.join(", "), r.figures, r.figures ? r.figureLines.join(" | ") : "", r.costLines.join(" | "),
      r.url].map(csvCell).join(SEPARATOR));
  });
  return lines.join("\r\n") + "\r\n";
}
