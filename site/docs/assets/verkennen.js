/*
 * Explorer (verkennen.md): every practice in one sortable, filterable table.
 *
 * The rows come straight from the data package's CSV tables under data/,
 * so every figure shown is one the tables hold. The filters and the sort
 * live in the URL; the selection can be downloaded as CSV, holding exactly
 * the rows the table shows. All text goes in through textContent.
 *
 * An ES module that only verkennen.md loads (its front matter `scripts`); the
 * closure below is kept from when every page loaded it as a classic script.
 */
import { NO_FIGURES } from "./verkennen-cijfers.js";
import { parseCsv, selectionCsv } from "./verkennen-csv.js";
import { buildRows, periodText } from "./verkennen-rijen.js";
import { watchScrollCue } from "./verkennen-schuif.js";
import { choiceCell, choiceHead, watchChoice } from "./verkennen-vergelijk.js";

(function () {
  "use strict";

  // This file is served from assets/; the data package sits in data/ at the site root.
  var DATA_URL = new URL("../data/", import.meta.url);
  var SITE_URL = new URL("../", import.meta.url);
  var collator = new Intl.Collator("nl", { numeric: true, sensitivity: "base" });

  // The tables the explorer reads (names and columns as generator/opendata/tables.py writes them).
  var TABLES = {
    practices: "practices.csv",
    places: "places.csv",
    practicePlaces: "practice_places.csv",
    placeParents: "place_parents.csv",
    placeProvinces: "place_provinces.csv",
    practiceThemes: "practice_themes.csv",
    metrics: "metrics.csv",
    costs: "costs.csv",
    status: "codelist_status.csv",
    unit: "codelist_unit.csv",
    qualifier: "codelist_qualifier.csv",
    indicator: "codelist_indicator.csv",
    costBasis: "codelist_cost_basis.csv",
    evidence: "codelist_evidence_level.csv",
    theme: "codelist_theme.csv"
  };

  var COLUMNS = [
    { key: "title", label: "Voorbeeld" },
    { key: "places", label: "Plaats" },
    { key: "period", label: "Periode" },
    { key: "status", label: "Status" },
    { key: "evidence", label: "Bewijs" },
    { key: "themes", label: "Thema's" },
    { key: "figures", label: "Kerncijfers" },
    { key: "cost", label: "Kosten" }
  ];
  var DEFAULT_SORT = "title";

  function fetchTable(path) {
    return fetch(new URL(path, DATA_URL)).then(function (response) {
      if (!response.ok) throw new Error(path + ": " + response.status);
      return response.text();
    }).then(parseCsv);
  }

  // ---- state <-> URL ------------------------------------------------------

  function readState() {
    var params = new URLSearchParams(window.location.search);
    var sort = params.get("sorteer") || DEFAULT_SORT;
    if (!COLUMNS.some(function (c) { return c.key === sort; })) sort = DEFAULT_SORT;
    return {
      text: params.get("tekst") || "",
      status: params.get("status") || "",
      evidence: params.get("bewijs") || "",
      theme: params.get("thema") || "",
      withFigures: params.get("cijfers") === "ja",
      sort: sort,
      descending: params.get("volgorde") === "aflopend"
    };
  }

  function writeState(state) {
    var params = new URLSearchParams();
    if (state.text.trim()) params.set("tekst", state.text.trim());
    if (state.status) params.set("status", state.status);
    if (state.evidence) params.set("bewijs", state.evidence);
    if (state.theme) params.set("thema", state.theme);
    if (state.withFigures) params.set("cijfers", "ja");
    if (state.sort !== DEFAULT_SORT) params.set("sorteer", state.sort);
    if (state.descending) params.set("volgorde", "aflopend");
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }

  // ---- filtering and sorting ------------------------------------------------

  function matches(row, state) {
    if (state.status && row.status !== state.status) return false;
    if (state.evidence && row.evidence !== state.evidence) return false;
    if (state.theme && row.themes.indexOf(state.theme) < 0) return false;
    if (state.withFigures && row.figures === 0) return false;
    var text = state.text.trim().toLowerCase();
    if (text) {
      var haystack = [row.title].concat(row.places, row.areas).join(" ").toLowerCase();
      if (haystack.indexOf(text) < 0) return false;
    }
    return true;
  }

  var SORT_KEYS = {
    title: function (r) { return r.title; },
    places: function (r) { return r.places.join(", "); },
    period: function (r) { return r.start || r.end || ""; },
    status: function (r) { return r.statusOrder; },
    evidence: function (r) { return r.evidenceOrder; },
    themes: function (r) { return r.themeLabels.join(", "); },
    figures: function (r) { return r.figures; },
    cost: function (r) { return r.cost; }
  };

  function compare(a, b, key) {
    var x = SORT_KEYS[key](a), y = SORT_KEYS[key](b);
    var order = typeof x === "number" ? x - y : collator.compare(x, y);
    return order || collator.compare(a.title, b.title) || collator.compare(a.id, b.id);
  }

  function selection(rows, state) {
    var chosen = rows.filter(function (r) { return matches(r, state); });
    chosen.sort(function (a, b) { return compare(a, b, state.sort) * (state.descending ? -1 : 1); });
    return chosen;
  }

  // ---- rendering --------------------------------------------------------------

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function fillSelect(select, codes, rows, field) {
    var used = {};
    rows.forEach(function (r) { [].concat(r[field]).forEach(function (c) { used[c] = true; }); });
    codes.forEach(function (row) {
      if (used[row.code]) select.appendChild(el("option", { value: row.code }, row.label_nl));
    });
  }

  function renderHead(table, state, onSort) {
    var tr = el("tr");
    tr.appendChild(choiceHead());
    COLUMNS.forEach(function (column) {
      var th = el("th", { scope: "col" });
      if (column.numeric) th.className = "verkennen__getal";
      var active = state.sort === column.key;
      th.setAttribute("aria-sort", active ? (state.descending ? "descending" : "ascending") : "none");
      var button = el("button", { type: "button", "class": "verkennen__sorteer", "data-kolom": column.key });
      button.appendChild(document.createTextNode(column.label));
      var hint = active ? (state.descending ? " ▼" : " ▲") : "";
      button.appendChild(el("span", { "aria-hidden": "true" }, hint));
      button.appendChild(el("span", { "class": "verkennen__verborgen" },
        active ? (state.descending ? ", aflopend gesorteerd" : ", oplopend gesorteerd") : ", sorteer op deze kolom"));
      button.addEventListener("click", function () { onSort(column.key); });
      th.appendChild(button);
      tr.appendChild(th);
    });
    table.tHead.replaceChildren(tr);
  }

  function linesCell(lines) {
    var td = el("td", { "class": "verkennen__regels" });
    lines.forEach(function (line, i) {
      if (i) td.appendChild(el("br"));
      td.appendChild(document.createTextNode(line));
    });
    return td;
  }

  function renderBody(table, rows, picked) {
    var body = document.createDocumentFragment();
    rows.forEach(function (r) {
      var tr = el("tr");
      tr.appendChild(choiceCell(r, picked));
      var title = el("td");
      title.appendChild(el("a", { href: r.url }, r.title));
      tr.appendChild(title);
      tr.appendChild(el("td", {}, r.places.join(", ")));
      tr.appendChild(el("td", {}, periodText(r.start, r.end)));
      tr.appendChild(el("td", {}, r.statusLabel));
      tr.appendChild(el("td", {}, r.evidenceLabel));
      tr.appendChild(el("td", {}, r.themeLabels.join(", ")));
      tr.appendChild(linesCell(r.figures ? r.figureLines : [NO_FIGURES]));
      tr.appendChild(linesCell(r.costLines));
      tr.dataset.id = r.id;
      body.appendChild(tr);
    });
    table.tBodies[0].replaceChildren(body);
  }

  // ---- the page -----------------------------------------------------------------

  function start(app) {
    var status = app.querySelector("[data-verkennen=status]");
    var form = app.querySelector("form");
    var fields = {
      text: form.elements.tekst, status: form.elements.status, evidence: form.elements.bewijs,
      theme: form.elements.thema, withFigures: form.elements.cijfers
    };
    var table = app.querySelector("table");
    var download = app.querySelector("[data-verkennen=download]");
    var reset = app.querySelector("[data-verkennen=wissen]");
    var checkScrollCue = watchScrollCue(app.querySelector(".verkennen__tabel"), app.querySelector("[data-verkennen=schuif]"));
    var state = readState();
    var rows = [];
    var downloadUrl = null;
    var picked = new Set();  // the practices ticked to compare
    watchChoice(app.querySelector("[data-verkennen=vergelijk]"), picked);

    function render() {
      var chosen = selection(rows, state);
      renderHead(table, state, sortBy);
      renderBody(table, chosen, picked);
      checkScrollCue();
      status.textContent = chosen.length + " van " + rows.length + " voorbeelden";
      if (downloadUrl) URL.revokeObjectURL(downloadUrl);
      downloadUrl = URL.createObjectURL(new Blob(["\ufeff" + selectionCsv(chosen)], { type: "text/csv;charset=utf-8" }));
      download.href = downloadUrl;
      download.textContent = "Download deze " + chosen.length + " voorbeelden als CSV";
      download.hidden = false;
    }

    function sortBy(key) {
      state.descending = state.sort === key ? !state.descending : (key === "figures" || key === "cost");
      state.sort = key;
      writeState(state);
      render();
      var again = table.querySelector("button[data-kolom=" + key + "]");
      if (again) again.focus();
    }

    function fromForm() {
      state.text = fields.text.value;
      state.status = fields.status.value;
      state.evidence = fields.evidence.value;
      state.theme = fields.theme.value;
      state.withFigures = fields.withFigures.checked;
      writeState(state);
      render();
    }

    function toForm() {
      fields.text.value = state.text;
      fields.status.value = state.status;
      fields.evidence.value = state.evidence;
      fields.theme.value = state.theme;
      fields.withFigures.checked = state.withFigures;
    }

    var names = Object.keys(TABLES);
    Promise.all(names.map(function (name) { return fetchTable(TABLES[name]); })).then(function (loaded) {
      var t = {};
      names.forEach(function (name, i) { t[name] = loaded[i]; });
      rows = buildRows(t, SITE_URL);
      fillSelect(fields.status, t.status, rows, "status");
      fillSelect(fields.evidence, t.evidence, rows, "evidence");
      fillSelect(fields.theme, t.theme, rows, "themes");
      toForm();
      form.hidden = false;
      table.hidden = false;
      render();
      form.addEventListener("input", fromForm);
      form.addEventListener("change", fromForm);
      form.addEventListener("submit", function (event) { event.preventDefault(); fromForm(); });
      reset.addEventListener("click", function () {
        state = { text: "", status: "", evidence: "", theme: "", withFigures: false,
          sort: DEFAULT_SORT, descending: false };
        toForm();
        writeState(state);
        render();
      });
    }).catch(function (error) {
      status.textContent = "De tabellen konden niet worden geladen. Ze staan in het datapakket; " +
        "dat wordt gemaakt met 'python -m generator build'.";
      console.warn("Verkennen:", error);
    });
  }

  function init() {
    var app = document.querySelector("[data-verkennen=app]");
    if (app && !app.dataset.started) {
      app.dataset.started = "true";
      start(app);
    }
  }

  if (typeof window.document$ !== "undefined") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
