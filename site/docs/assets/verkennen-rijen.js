/*
 * The explorer's rows: one per practice, joined from the data package's tables
 * (names and columns as generator/opendata/tables.py writes them), with its
 * places (with the regions and provinces they lie in, verkennen-plaatsen.js),
 * themes, key figures and cost (verkennen-cijfers.js).
 */

import { costLines, keyFigures } from "./verkennen-cijfers.js";
import { placeAreas } from "./verkennen-plaatsen.js";

// ---- rows ---------------------------------------------------------------

function groupBy(rows, key) {
  var groups = {};
  rows.forEach(function (row) { (groups[row[key]] = groups[row[key]] || []).push(row); });
  return groups;
}

function labelsOf(rows) {
  var index = {};
  rows.forEach(function (row) { index[row.code] = row.label_nl; });
  return index;
}

function byCode(rows) {
  var index = {};
  // Codelists list their codes in a meaningful order (evidence levels also carry a rank).
  rows.forEach(function (row, position) {
    index[row.code] = { label: row.label_nl, order: row.rank ? Number(row.rank) : position };
  });
  return index;
}

var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
  "september", "oktober", "november", "december"];

// "2014" -> "2014", "2014-02" -> "februari 2014", "2014-02-01" -> "1 februari 2014"
function dateText(value) {
  var parts = value.split("-");
  if (parts.length === 1) return value;
  var month = MONTHS[Number(parts[1]) - 1];
  return (parts.length === 3 ? Number(parts[2]) + " " : "") + month + " " + parts[0];
}

export function periodText(start, end) {
  if (start && end) return start === end ? dateText(start) : dateText(start) + " – " + dateText(end);
  if (start) return "vanaf " + dateText(start);
  if (end) return "tot " + dateText(end);
  return "";
}

export function buildRows(t, siteUrl) {
  var places = {};
  t.places.forEach(function (p) { places[p.id] = p.name; });
  var placesOf = groupBy(t.practicePlaces, "practice_id");
  var areas = placeAreas(t.places, t.placeParents, t.placeProvinces);
  var themesOf = groupBy(t.practiceThemes, "practice_id");
  var metricsOf = groupBy(t.metrics, "practice_id");
  var costsOf = groupBy(t.costs, "practice_id");
  var labels = { unit: labelsOf(t.unit), qualifier: labelsOf(t.qualifier), indicator: labelsOf(t.indicator),
    cost_basis: labelsOf(t.costBasis) };
  var status = byCode(t.status), evidence = byCode(t.evidence), theme = byCode(t.theme);
  return t.practices.map(function (p) {
    var themeCodes = (themesOf[p.id] || []).map(function (r) { return r.theme; });
    return {
      id: p.id,
      title: p.title,
      url: new URL("voorbeelden/" + encodeURIComponent(p.id) + "/", siteUrl).href,
      places: (placesOf[p.id] || []).map(function (r) { return places[r.place] || r.place; }),
      // The regions and provinces of its places, for the text filter only.
      areas: [].concat.apply([], (placesOf[p.id] || []).map(function (r) { return areas[r.place] || []; })),
      start: p.period_start || "",
      end: p.period_end || "",
      status: p.status, statusLabel: (status[p.status] || { label: p.status }).label,
      statusOrder: (status[p.status] || { order: 99 }).order,
      evidence: p.evidence_level, evidenceLabel: (evidence[p.evidence_level] || { label: p.evidence_level }).label,
      evidenceOrder: (evidence[p.evidence_level] || { order: 99 }).order,
      themes: themeCodes,
      themeLabels: themeCodes.map(function (c) { return (theme[c] || { label: c }).label; }),
      figures: (metricsOf[p.id] || []).length,
      figureLines: keyFigures(metricsOf[p.id] || [], labels),
      costLines: costLines(costsOf[p.id] || [], labels),
      // Sorting by cost: the largest amount in euro; none sorts below every amount.
      cost: Math.max.apply(null, [-1].concat((costsOf[p.id] || []).filter(function (c) { return c.currency === "EUR"; })
        .map(function (c) { return Number(c.amount); })))
    };
  });
}
