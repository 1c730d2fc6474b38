/*
 * The search page's state and its searches: the query and the ticked facets,
 * read from and written to the URL (?q=...&thema=...&thema=...), and the
 * Pagefind searches they make. Within one facet the ticked values are
 * alternatives (any); across facets they all apply. The counts of a facet
 * with ticked values leave that facet's own choice out, so ticking one value
 * never hides its neighbours.
 */
import { rewrite, vocabulary } from "./zoeken-taal.js";

export var FACETS = [
  ["thema", "Thema"], ["doelgroep", "Doelgroep"], ["instrument", "Instrument"],
  ["provincie", "Provincie"], ["schaal", "Schaal"], ["status", "Status"],
  ["bewijs", "Bewijs"], ["periode", "Periode"], ["soort", "Soort"]
];
export var PAGE_SIZE = 20;
export var collator = new Intl.Collator("nl", { numeric: true, sensitivity: "base" });

// This file is served from assets/; the index sits in pagefind/ at the site root.
var PAGEFIND_URL = new URL("../pagefind/pagefind.js", import.meta.url).href;
// A large catalogue has more than one index (generator/website/site.py): shards.json lists the others.
var SHARDS_URL = new URL("../pagefind/shards.json", import.meta.url).href;
// The catalogue's words and names (generator/website/search_words.py), for zoeken-taal.js.
var WORDS_URL = new URL("../zoeken/woorden.json", import.meta.url).href;
var pagefind = null;
var words = null;

export function facetLabel(name) {
  for (var i = 0; i < FACETS.length; i++) if (FACETS[i][0] === name) return FACETS[i][1];
  return name;
}

export function loadWords() {
  if (!words) {
    words = fetch(WORDS_URL).then(function (response) { return response.ok ? response.json() : {}; })
      .catch(function () { return {}; }).then(vocabulary);
  }
  return words;
}

export function loadPagefind() {
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

// ---- state <-> URL ----------------------------------------------------

export function emptyState() {
  return { q: "", filters: {}, shown: PAGE_SIZE };
}

export function readState() {
  var params = new URLSearchParams(window.location.search);
  var state = emptyState();
  state.q = params.get("q") || "";
  params.forEach(function (value, key) {
    // Only our facets: another parameter (say from a newsletter link) is no filter.
    if (!value || !FACETS.some(function (facet) { return facet[0] === key; })) return;
    var values = state.filters[key] = state.filters[key] || [];
    if (values.indexOf(value) < 0) values.push(value);
  });
  return state;
}

export function stateUrl(state) {
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

export function hasFilters(filters) {
  return Object.keys(filters).some(function (name) { return filters[name].length > 0; });
}

export function chosenCount(filters) {
  return Object.keys(filters).reduce(function (n, name) { return n + filters[name].length; }, 0);
}

// ---- searching ----------------------------------------------------------

// Nothing asked yet: list every indexed page (each has a kind, "soort"), with the total counts.
function everything(module) {
  return module.filters().then(function (counts) {
    var kinds = Object.keys(counts.soort || {});
    if (!kinds.length) return { search: null, counts: counts };
    return module.search(null, { filters: { soort: { any: kinds } } }).then(function (search) {
      return { search: search, counts: counts, rewritten: null };
    });
  });
}

export function runSearch(module, state, vocab) {
  var rewritten = state.q.trim() ? rewrite(vocab, state.q) : null;
  var term = rewritten ? rewritten.query : null;
  if (term === null && !hasFilters(state.filters)) return everything(module);
  return module.search(term, { filters: pagefindFilters(state.filters) }).then(function (search) {
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
