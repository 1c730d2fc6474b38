/*
 * Search page (zoeken.md): Pagefind's JS API with facet checkboxes and counts.
 *
 * The query and the ticked facets live in the URL (?q=...&thema=...&thema=...),
 * so a search can be shared and a reload restores it. Within one facet the
 * ticked values are alternatives (any); across facets they all apply. The
 * counts of a facet with ticked values leave that facet's own choice out,
 * so ticking one value never hides its neighbours.
 * Everything is built with DOM methods and textContent: no index text is
 * ever parsed as HTML except Pagefind's excerpt, which is reduced to text
 * and <mark> elements.
 *
 * An ES module that only zoeken.md loads (its front matter `scripts`); the
 * closure below is kept from when every page loaded it as a classic script.
 */
import { rewrite, suggestion, vocabulary } from "./zoeken-taal.js";

(function () {
  "use strict";

  var FACETS = [
    ["thema", "Thema"], ["doelgroep", "Doelgroep"], ["instrument", "Instrument"],
    ["provincie", "Provincie"], ["schaal", "Schaal"], ["status", "Status"],
    ["bewijs", "Bewijs"], ["periode", "Periode"], ["soort", "Soort"]
  ];
  var META_FACETS = ["soort", "provincie", "periode", "status", "bewijs"];
  var PAGE_SIZE = 20;
  var FACET_PREVIEW = 8;
  // Search once typing pauses this long (ms); part of the time from the last key to the results.
  var TYPING_PAUSE = 150;
  // This file is served from assets/; the index sits in pagefind/ at the site root.
  var PAGEFIND_URL = new URL("../pagefind/pagefind.js", import.meta.url).href;
  var pagefind = null;
  var collator = new Intl.Collator("nl", { numeric: true, sensitivity: "base" });

  // A large catalogue has more than one index (generator/website/site.py): shards.json lists the others.
  var SHARDS_URL = new URL("../pagefind/shards.json", import.meta.url).href;
  // The catalogue's words and names (generator/website/search_words.py), for zoeken-taal.js.
  var WORDS_URL = new URL("../zoeken/woorden.json", import.meta.url).href;
  var SITE_ROOT = new URL("../", import.meta.url).href;
  var words = null;

  function loadWords() {
    if (!words) {
      words = fetch(WORDS_URL).then(function (response) { return response.ok ? response.json() : {}; })
        .catch(function () { return {}; }).then(vocabulary);
    }
    return words;
  }

  function loadPagefind() {
    if (!pagefind) {
      var shards = fetch(SHARDS_URL).then(function (response) { return response.ok ? response.json() : []; });
      pagefind = import(PAGEFIND_URL).then(function (module) {
        return module.options({ excerptLength: 30 })
          .then(function () { return shards; })
          .then(function (others) {
            return Promise.all(others.map(function (other) {
              return module.mergeIndex(new URL(other, SHARDS_URL).href);
            }));
          })
          // Searches report facet counts only once the filter index is loaded.
          .then(function () { return module.filters(); })
          .then(function () { return module; });
      });
    }
    return pagefind;
  }

  function facetLabel(name) {
    for (var i = 0; i < FACETS.length; i++) if (FACETS[i][0] === name) return FACETS[i][1];
    return name;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ---- state <-> URL ----------------------------------------------------

  function readState() {
    var params = new URLSearchParams(window.location.search);
    var state = { q: params.get("q") || "", filters: {}, shown: PAGE_SIZE };
    params.forEach(function (value, key) {
      // Only our facets: another parameter (say from a newsletter link) is no filter.
      if (!value || !FACETS.some(function (facet) { return facet[0] === key; })) return;
      var values = state.filters[key] = state.filters[key] || [];
      if (values.indexOf(value) < 0) values.push(value);
    });
    return state;
  }

  function stateUrl(state) {
    var params = new URLSearchParams();
    if (state.q.trim()) params.set("q", state.q.trim());
    Object.keys(state.filters).sort().forEach(function (name) {
      state.filters[name].slice().sort(collator.compare).forEach(function (value) { params.append(name, value); });
    });
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  function pagefindFilters(filters, leaveOut) {
    var result = {};
    Object.keys(filters).forEach(function (name) {
      if (name !== leaveOut && filters[name].length) result[name] = { any: filters[name].slice() };
    });
    return result;
  }

  function hasFilters(filters) {
    return Object.keys(filters).some(function (name) { return filters[name].length > 0; });
  }

  // ---- searching ----------------------------------------------------------

  function runSearch(module, state, vocab) {
    var rewritten = state.q.trim() ? rewrite(vocab, state.q) : null;
    var term = rewritten ? rewritten.query : null;
    var active = pagefindFilters(state.filters);
    if (term === null && !hasFilters(state.filters)) {
      // Nothing asked yet: list every indexed page (each has a kind, "soort"), with the total counts.
      return module.filters().then(function (counts) {
        var kinds = Object.keys(counts.soort || {});
        if (!kinds.length) return { search: null, counts: counts };
        return module.search(null, { filters: { soort: { any: kinds } } }).then(function (search) {
          return { search: search, counts: counts, rewritten: null };
        });
      });
    }
    return module.search(term, { filters: active }).then(function (search) {
      var counts = Object.assign({}, search.filters);
      // Counts for a facet with ticked values: the search without that facet's choice.
      var own = Object.keys(state.filters).filter(function (name) { return state.filters[name].length; });
      return Promise.all(own.map(function (name) {
        return module.search(term, { filters: pagefindFilters(state.filters, name) }).then(function (other) {
          counts[name] = other.filters[name] || {};
        });
      })).then(function () { return { search: search, counts: counts, rewritten: rewritten }; });
    });
  }

  // ---- rendering ----------------------------------------------------------

  var expandedFacets = {};

  function renderFacets(box, state, counts, onToggle) {
    // Re-rendering replaces the checkboxes: keep keyboard focus where it was.
    var focused = document.activeElement;
    var refocus = focused && box.contains(focused) && focused.type === "checkbox"
      ? { name: focused.name, value: focused.value } : null;
    box.replaceChildren();
    FACETS.map(function (f) { return f[0]; }).forEach(function (name) {
      var values = counts[name] || {};
      var ticked = state.filters[name] || [];
      var shown = Object.keys(values).filter(function (v) { return values[v] > 0 || ticked.indexOf(v) >= 0; });
      ticked.forEach(function (v) { if (shown.indexOf(v) < 0) shown.push(v); });
      if (!shown.length) return;
      shown.sort(collator.compare);
      var fieldset = el("fieldset", { "class": "zoeken-facet" });
      fieldset.appendChild(el("legend", {}, facetLabel(name)));
      var list = el("ul", { "class": "zoeken-facet__waarden" });
      shown.forEach(function (value, index) {
        var id = "filter-" + name + "-" + index;
        var item = el("li");
        if (index >= FACET_PREVIEW && ticked.indexOf(value) < 0 && !expandedFacets[name]) item.hidden = true;
        var checkbox = el("input", { type: "checkbox", id: id, name: name, value: value });
        checkbox.checked = ticked.indexOf(value) >= 0;
        checkbox.addEventListener("change", function () { onToggle(name, value, checkbox.checked); });
        var label = el("label", { "for": id });
        label.appendChild(document.createTextNode(value + " "));
        label.appendChild(el("span", { "class": "zoeken-facet__aantal" }, "(" + (values[value] || 0) + ")"));
        item.appendChild(checkbox);
        item.appendChild(label);
        list.appendChild(item);
      });
      fieldset.appendChild(list);
      var hidden = list.querySelectorAll("li[hidden]").length;
      if (hidden) {
        var more = el("button", { type: "button", "class": "md-button zoeken-facet__meer" },
          "Toon alle " + shown.length + " waarden");
        more.addEventListener("click", function () {
          list.querySelectorAll("li[hidden]").forEach(function (li) { li.hidden = false; });
          expandedFacets[name] = true;
          more.remove();
          var first = list.querySelector("input:not(:checked)");
          if (first) first.focus();
        });
        fieldset.appendChild(more);
      }
      box.appendChild(fieldset);
    });
    if (refocus) {
      var again = Array.prototype.find.call(box.querySelectorAll("input[type=checkbox]"), function (input) {
        return input.name === refocus.name && input.value === refocus.value;
      });
      if (again) again.focus();
    }
  }

  // Pagefind's excerpt holds escaped text with <mark> around hits; keep only that.
  function excerptNodes(html) {
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var out = document.createDocumentFragment();
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.tagName === "MARK") out.appendChild(el("mark", {}, node.textContent));
      else out.appendChild(document.createTextNode(node.textContent));
    });
    return out;
  }

  function resultItem(data, withExcerpt) {
    var item = el("li", { "class": "zoeken-resultaat" });
    var heading = el("h2", { "class": "zoeken-resultaat__titel" });
    heading.appendChild(el("a", { href: data.url }, (data.meta && data.meta.title) || data.url));
    item.appendChild(heading);
    var facts = META_FACETS.filter(function (name) { return data.filters && data.filters[name] && data.filters[name].length; })
      .map(function (name) { return facetLabel(name) + ": " + data.filters[name].join(", "); });
    if (facts.length) item.appendChild(el("p", { "class": "zoeken-resultaat__feiten" }, facts.join(" · ")));
    var summary = data.meta && data.meta.samenvatting;
    if (summary) item.appendChild(el("p", { "class": "zoeken-resultaat__samenvatting" }, summary));
    // The excerpt shows where the words were found; without words there is nothing to show.
    if (withExcerpt || !summary) {
      var excerpt = el("p", { "class": "zoeken-resultaat__uittreksel" });
      if (summary) excerpt.appendChild(el("span", { "class": "zoeken-resultaat__gevonden" }, "Gevonden: "));
      excerpt.appendChild(excerptNodes(data.excerpt || ""));
      item.appendChild(excerpt);
    }
    return item;
  }

  // "Bedoelde u …?": the name a corrected word points at (its page), or the corrected query.
  function showSuggestion(hint, vocab, rewritten) {
    hint.replaceChildren();
    hint.hidden = !(rewritten && rewritten.corrected.length);
    if (hint.hidden) return;
    var named = suggestion(vocab, rewritten);
    var target = named ? new URL(named[1], SITE_ROOT).href : "?q=" + encodeURIComponent(rewritten.query);
    hint.appendChild(document.createTextNode("Bedoelde u "));
    hint.appendChild(el("a", { href: target }, named ? named[0] : rewritten.query));
    hint.appendChild(document.createTextNode("? "));
    var typed = rewritten.corrected.map(function (pair) { return "‘" + pair[0] + "’"; }).join(", ");
    hint.appendChild(el("span", { "class": "zoeken__uitleg" },
      "U typte " + typed + "; de resultaten hieronder zijn voor ‘" + rewritten.query + "’."));
  }

  function summaryText(state, total, rewritten) {
    var what = total === 1 ? "1 resultaat" : total + " resultaten";
    if (!state.q.trim() && !hasFilters(state.filters)) {
      return "Alle " + what + ". Typ een zoekwoord of kies een filter om de lijst kleiner te maken.";
    }
    var parts = [];
    var asked = rewritten && rewritten.corrected.length ? rewritten.query : state.q.trim();
    if (asked) parts.push("voor ‘" + asked + "’");
    var chosen = Object.keys(state.filters).filter(function (n) { return state.filters[n].length; })
      .map(function (n) { return facetLabel(n).toLowerCase() + " " + state.filters[n].join(" of "); });
    if (chosen.length) parts.push("met " + chosen.join(" en "));
    return what + (parts.length ? " " + parts.join(" ") : "") + ".";
  }

  // ---- the page -------------------------------------------------------------

  function start(app) {
    var form = app.querySelector("form");
    var input = app.querySelector("input[name=q]");
    var facetsBox = app.querySelector("[data-zoeken=facetten]");
    var status = app.querySelector("[data-zoeken=status]");
    var list = app.querySelector("[data-zoeken=resultaten]");
    var moreButton = app.querySelector("[data-zoeken=meer]");
    var clearButton = app.querySelector("[data-zoeken=wissen]");
    var filterBlock = app.querySelector("[data-zoeken=filterblok]");
    var filterSummary = app.querySelector("[data-zoeken=filterkop]");
    var hint = app.querySelector("[data-zoeken=suggestie]");
    // Wide screens show the filters beside the results; narrow ones fold them away.
    filterBlock.open = window.matchMedia("(min-width: 60em)").matches;
    var state = readState();
    var sequence = 0;
    var typingTimer = null;
    var current = null;
    // Searches run one after another, and one that a newer request has overtaken before it
    // started is skipped: Pagefind works in one worker, where searches would queue up
    // (a second each at 10,000 records), so typing never waits for stale ones.
    var searching = Promise.resolve();

    function update(historyMode) {
      if (historyMode === "push") window.history.pushState(null, "", stateUrl(state));
      else if (historyMode === "replace") window.history.replaceState(null, "", stateUrl(state));
      clearButton.hidden = !hasFilters(state.filters) && !state.q.trim();
      var chosen = Object.keys(state.filters).reduce(function (n, k) { return n + state.filters[k].length; }, 0);
      filterSummary.textContent = chosen ? "Filters (" + chosen + " gekozen)" : "Filters";
      var mine = ++sequence;
      app.setAttribute("aria-busy", "true");
      searching = searching.then(function () { if (mine === sequence) return search(mine); });
    }

    function search(mine) {
      return Promise.all([loadPagefind(), loadWords()]).then(function (loaded) {
        return runSearch(loaded[0], state, loaded[1]).then(function (outcome) {
          return Object.assign(outcome, { vocab: loaded[1] });
        });
      }).then(function (outcome) {
        if (mine !== sequence) return;
        showSuggestion(hint, outcome.vocab, outcome.rewritten);
        current = outcome.search;
        renderFacets(facetsBox, state, outcome.counts, toggle);
        list.replaceChildren();
        if (!current) {
          status.textContent = "Typ een zoekwoord of kies een filter.";
          moreButton.hidden = true;
          app.setAttribute("aria-busy", "false");
          return;
        }
        status.textContent = summaryText(state, current.results.length, outcome.rewritten);
        return showResults(mine);
      }).catch(function (error) {
        if (mine !== sequence) return;
        status.textContent = "Zoeken lukt nu niet: de zoekindex kon niet worden geladen.";
        app.setAttribute("aria-busy", "false");
        console.warn("Pagefind:", error);
      });
    }

    function showResults(mine) {
      var from = list.children.length;
      var slice = current.results.slice(from, Math.min(state.shown, current.results.length));
      return Promise.all(slice.map(function (r) { return r.data(); })).then(function (datas) {
        if (mine !== sequence) return;
        var withExcerpt = Boolean(state.q.trim());
        datas.forEach(function (data) { list.appendChild(resultItem(data, withExcerpt)); });
        moreButton.hidden = list.children.length >= current.results.length;
        app.setAttribute("aria-busy", "false");
      });
    }

    function toggle(name, value, on) {
      var values = state.filters[name] = state.filters[name] || [];
      var at = values.indexOf(value);
      if (on && at < 0) values.push(value);
      if (!on && at >= 0) values.splice(at, 1);
      if (!values.length) delete state.filters[name];
      state.shown = PAGE_SIZE;
      update("push");
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(typingTimer);
      state.q = input.value;
      state.shown = PAGE_SIZE;
      update("push");
    });
    input.addEventListener("input", function () {
      window.clearTimeout(typingTimer);
      typingTimer = window.setTimeout(function () {
        state.q = input.value;
        state.shown = PAGE_SIZE;
        update("replace");
      }, TYPING_PAUSE);
    });
    moreButton.addEventListener("click", function () {
      var next = list.children.length;
      state.shown += PAGE_SIZE;
      showResults(sequence).then(function () {
        var link = list.children[next] && list.children[next].querySelector("a");
        if (link) link.focus();
      });
    });
    clearButton.addEventListener("click", function () {
      state = { q: "", filters: {}, shown: PAGE_SIZE };
      input.value = "";
      update("push");
      input.focus();
    });
    window.addEventListener("popstate", function () {
      state = readState();
      input.value = state.q;
      update(null);
    });

    input.value = state.q;
    update(null);
  }

  function init() {
    var app = document.querySelector("[data-zoeken=app]");
    if (app && !app.dataset.started) {
      app.dataset.started = "true";
      start(app);
    }
  }

  // Material's instant navigation swaps pages without reloading scripts.
  if (typeof window.document$ !== "undefined") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
