/*
 * What the search page shows: the facet checkboxes with their counts, the
 * results, "Bedoelde u …?" and the one-line summary. Everything is built with
 * DOM methods and textContent: no index text is ever parsed as HTML except
 * Pagefind's excerpt, which is reduced to text and <mark> elements.
 */
import { suggestion } from "./zoeken-taal.js";
import { FACETS, collator, facetLabel, hasFilters } from "./zoeken-index.js";

var META_FACETS = ["soort", "provincie", "periode", "status", "bewijs"];
var FACET_PREVIEW = 8;
var SITE_ROOT = new URL("../", import.meta.url).href;
var expandedFacets = {};

export function el(tag, attrs, text) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
  if (text !== undefined) node.textContent = text;
  return node;
}

function facetItem(name, value, index, count, ticked, onToggle) {
  var id = "filter-" + name + "-" + index;
  var item = el("li");
  if (index >= FACET_PREVIEW && ticked.indexOf(value) < 0 && !expandedFacets[name]) item.hidden = true;
  var checkbox = el("input", { type: "checkbox", id: id, name: name, value: value });
  checkbox.checked = ticked.indexOf(value) >= 0;
  checkbox.addEventListener("change", function () { onToggle(name, value, checkbox.checked); });
  var label = el("label", { "for": id });
  label.appendChild(document.createTextNode(value + " "));
  label.appendChild(el("span", { "class": "zoeken-facet__aantal" }, "(" + (count || 0) + ")"));
  item.appendChild(checkbox);
  item.appendChild(label);
  return item;
}

function moreButton(name, list, total) {
  var more = el("button", { type: "button", "class": "md-button zoeken-facet__meer" }, "Toon alle " + total + " waarden");
  more.addEventListener("click", function () {
    list.querySelectorAll("li[hidden]").forEach(function (li) { li.hidden = false; });
    expandedFacets[name] = true;
    more.remove();
    var first = list.querySelector("input:not(:checked)");
    if (first) first.focus();
  });
  return more;
}

function facetFieldset(name, values, ticked, onToggle) {
  var shown = Object.keys(values).filter(function (v) { return values[v] > 0 || ticked.indexOf(v) >= 0; });
  ticked.forEach(function (v) { if (shown.indexOf(v) < 0) shown.push(v); });
  if (!shown.length) return null;
  shown.sort(collator.compare);
  var fieldset = el("fieldset", { "class": "zoeken-facet" });
  fieldset.appendChild(el("legend", {}, facetLabel(name)));
  var list = el("ul", { "class": "zoeken-facet__waarden" });
  shown.forEach(function (value, index) { list.appendChild(facetItem(name, value, index, values[value], ticked, onToggle)); });
  fieldset.appendChild(list);
  if (list.querySelector("li[hidden]")) fieldset.appendChild(moreButton(name, list, shown.length));
  return fieldset;
}

export function renderFacets(box, state, counts, onToggle) {
  // Re-rendering replaces the checkboxes: keep keyboard focus where it was.
  var focused = document.activeElement;
  var refocus = focused && box.contains(focused) && focused.type === "checkbox"
    ? { name: focused.name, value: focused.value } : null;
  box.replaceChildren();
  FACETS.forEach(function (facet) {
    var fieldset = facetFieldset(facet[0], counts[facet[0]] || {}, state.filters[facet[0]] || [], onToggle);
    if (fieldset) box.appendChild(fieldset);
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

export function resultItem(data, withExcerpt) {
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
export function showSuggestion(hint, vocab, rewritten) {
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

export function resultsText(total) {
  return total === 1 ? "1 resultaat" : total + " resultaten";
}

export function summaryText(state, total, rewritten) {
  var what = resultsText(total);
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
