/*
 * The explorer's key figures and cost per practice, from the data package's
 * metrics.csv and costs.csv: the same lines as generator/website/practice_summary.py
 * writes on the pages (first three figures, outcomes first; each cost with its kind;
 * "De bron noemt geen kosten." without any), numbers written the Dutch way.
 */

export var NO_COST = "De bron noemt geen kosten.";
export var NO_FIGURES = "De bron noemt geen cijfers.";
var SHOWN_FIGURES = 3;
var KIND_ORDER = { outcome: 0, output: 1, input: 2, context: 3 };
var STAGE = { achieved: "werkelijk", expected: "verwacht", target: "begroot" };
var MINUS = "\u2212";

// 1234.5 -> "1.234,5", keeping the decimals the value has (as dutch.number does).
export function numberText(value, signed) {
  var shown = Math.abs(value).toLocaleString("nl-NL", { maximumFractionDigits: 20, useGrouping: true });
  if (value < 0) return MINUS + shown;
  return (signed && value > 0 ? "+" : "") + shown;
}

function quantity(value, unit, unitLabel) {
  if (unit === "eur") return value >= 0 ? "€ " + numberText(value) : MINUS + "€ " + numberText(-value);
  if (unit === "percent") return numberText(value) + "%";
  if (unit === "percent-change") return numberText(value, true) + "%";
  return numberText(value) + " " + unitLabel;
}

function label(labels, list, code) {
  return (labels[list] && labels[list][code]) || code;
}

export function figureText(m, labels) {
  var shown = quantity(Number(m.value), m.unit, label(labels, "unit", m.unit));
  if (m.qualifier && m.qualifier !== "exact") return label(labels, "qualifier", m.qualifier).toLowerCase() + " " + shown;
  return shown;
}

/* The lines for one practice's metrics rows (metrics.csv), outcomes first. */
export function keyFigures(metrics, labels) {
  var sorted = metrics.slice().sort(function (a, b) {
    return (KIND_ORDER[a.kind] - KIND_ORDER[b.kind]) || (Number(a.position) - Number(b.position));
  });
  var lines = sorted.slice(0, SHOWN_FIGURES).map(function (m) {
    return (m.label || label(labels, "indicator", m.indicator)) + ": " + figureText(m, labels);
  });
  var rest = sorted.length - SHOWN_FIGURES;
  if (rest > 0) lines.push("en " + rest + (rest === 1 ? " cijfer" : " cijfers") + " meer");
  return lines;
}

/* The lines for one practice's cost rows (costs.csv); [NO_COST] without any. */
export function costLines(costs, labels) {
  var lines = costs.map(function (c) {
    var amount = c.currency === "EUR" ? "€ " + numberText(Number(c.amount)) : numberText(Number(c.amount)) + " " + c.currency;
    return amount + " (" + label(labels, "cost_basis", c.basis).toLowerCase() + ", " + STAGE[c.stage] + ")";
  });
  return lines.length ? lines : [NO_COST];
}
