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
    practiceThemes: "practice_themes.csv",
    metrics: "metrics.csv",
    status: "codelist_status.csv",
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
    { key: "figures", label: "Cijfers", numeric: true }
  ];
  var DEFAULT_SORT = "title";

  // ---- CSV ----------------------------------------------------------------

  // RFC 4180: quoted fields may hold commas, quotes ("") and line breaks.
  function parseCsv(text) {
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

  function csvCell(value) {
    var text = String(value);
    if (typeof value !== "number" && FORMULA_START.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function fetchTable(path) {
    return fetch(new URL(path, DATA_URL)).then(function (response) {
      if (!response.ok) throw new Error(path + ": " + response.status);
      return response.text();
    }).then(parseCsv);
  }

  // ---- rows ---------------------------------------------------------------

  function groupBy(rows, key) {
    var groups = {};
    rows.forEach(function (row) { (groups[row[key]] = groups[row[key]] || []).push(row); });
    return groups;
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

  function periodText(start, end) {
    if (start && end) return start === end ? dateText(start) : dateText(start) + " – " + dateText(end);
    if (start) return "vanaf " + dateText(start);
    if (end) return "tot " + dateText(end);
    return "";
  }

  function buildRows(t) {
    var places = {};
    t.places.forEach(function (p) { places[p.id] = p.name; });
    var placesOf = groupBy(t.practicePlaces, "practice_id");
    var themesOf = groupBy(t.practiceThemes, "practice_id");
    var metricsOf = groupBy(t.metrics, "practice_id");
    var status = byCode(t.status), evidence = byCode(t.evidence), theme = byCode(t.theme);
    return t.practices.map(function (p) {
      var themeCodes = (themesOf[p.id] || []).map(function (r) { return r.theme; });
      return {
        id: p.id,
        title: p.title,
        url: new URL("voorbeelden/" + encodeURIComponent(p.id) + "/", SITE_URL).href,
        places: (placesOf[p.id] || []).map(function (r) { return places[r.place] || r.place; }),
        start: p.period_start || "",
        end: p.period_end || "",
        status: p.status, statusLabel: (status[p.status] || { label: p.status }).label,
        statusOrder: (status[p.status] || { order: 99 }).order,
        evidence: p.evidence_level, evidenceLabel: (evidence[p.evidence_level] || { label: p.evidence_level }).label,
        evidenceOrder: (evidence[p.evidence_level] || { order: 99 }).order,
        themes: themeCodes,
        themeLabels: themeCodes.map(function (c) { return (theme[c] || { label: c }).label; }),
        figures: (metricsOf[p.id] || []).length
      };
    });
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
      var haystack = [row.title].concat(row.places).join(" ").toLowerCase();
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
    figures: function (r) { return r.figures; }
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

  function renderBody(table, rows) {
    var body = document.createDocumentFragment();
    rows.forEach(function (r) {
      var tr = el("tr");
      var title = el("td");
      title.appendChild(el("a", { href: r.url }, r.title));
      tr.appendChild(title);
      tr.appendChild(el("td", {}, r.places.join(", ")));
      tr.appendChild(el("td", {}, periodText(r.start, r.end)));
      tr.appendChild(el("td", {}, r.statusLabel));
      tr.appendChild(el("td", {}, r.evidenceLabel));
      tr.appendChild(el("td", {}, r.themeLabels.join(", ")));
      tr.appendChild(el("td", { "class": "verkennen__getal" }, String(r.figures)));
      tr.dataset.id = r.id;
      body.appendChild(tr);
    });
    table.tBodies[0].replaceChildren(body);
  }

  var CSV_HEADER = ["id", "titel", "plaatsen", "periode_begin", "periode_einde", "status", "bewijsniveau",
    "themas", "aantal_cijfers", "adres"];

  function selectionCsv(rows) {
    var lines = [CSV_HEADER.join(",")];
    rows.forEach(function (r) {
      lines.push([r.id, r.title, r.places.join("; "), r.start, r.end, r.statusLabel, r.evidenceLabel,
        r.themeLabels.join("; "), r.figures, r.url].map(csvCell).join(","));
    });
    return lines.join("\r\n") + "\r\n";
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
    var state = readState();
    var rows = [];
    var downloadUrl = null;

    function render() {
      var chosen = selection(rows, state);
      renderHead(table, state, sortBy);
      renderBody(table, chosen);
      status.textContent = chosen.length + " van " + rows.length + " voorbeelden";
      if (downloadUrl) URL.revokeObjectURL(downloadUrl);
      downloadUrl = URL.createObjectURL(new Blob(["\ufeff" + selectionCsv(chosen)], { type: "text/csv;charset=utf-8" }));
      download.href = downloadUrl;
      download.textContent = "Download deze " + chosen.length + " voorbeelden als CSV";
      download.hidden = false;
    }

    function sortBy(key) {
      state.descending = state.sort === key ? !state.descending : key === "figures";
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
      rows = buildRows(t);
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
