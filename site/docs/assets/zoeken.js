/*
 * Search page (zoeken.md): Pagefind's JS API with facet checkboxes and counts.
 *
 * This entry module wires the page together; its parts each do one job:
 * zoeken-index.js (state in the URL, Pagefind searches), zoeken-taal.js (Dutch
 * as people type it), zoeken-weergave.js (facets, results, summary) and
 * zoeken-uitklap.js (the filters folded away on a phone). The query and the
 * ticked facets live in the URL, so a search can be shared and a reload
 * restores it. Only zoeken.md loads it (its front matter `scripts`).
 */
import {
  PAGE_SIZE, chosenCount, emptyState, hasFilters, loadPagefind, loadWords, readState, runSearch, stateUrl
} from "./zoeken-index.js";
import { renderFacets, resultItem, showSuggestion, summaryText } from "./zoeken-weergave.js";
import { foldFilters } from "./zoeken-uitklap.js";

function parts(app) {
  function part(name) { return app.querySelector("[data-zoeken=" + name + "]"); }
  return {
    form: app.querySelector("form"), input: app.querySelector("input[name=q]"),
    facets: part("facetten"), status: part("status"), list: part("resultaten"), more: part("meer"),
    clear: part("wissen"), hint: part("suggestie"),
    label: foldFilters(part("filterknop"), part("filterpaneel"), part("toon"), part("status"))
  };
}

// Search once typing pauses this long (ms); part of the time from the last key to the results.
var TYPING_PAUSE = 150;

// One search page: its state, the search under way (a newer one makes older answers stale).
class SearchPage {
  constructor(app) {
    this.app = app;
    this.ui = parts(app);
    this.state = readState();
    this.sequence = 0;
    this.current = null;
    // Searches run one after another, and one that a newer request has overtaken before it
    // started is skipped: Pagefind works in one worker, where searches would queue up
    // (a second each at 10,000 records), so typing never waits for stale ones.
    this.searching = Promise.resolve();
  }

  update(historyMode) {
    var state = this.state, ui = this.ui, app = this.app, self = this;
    if (historyMode === "push") window.history.pushState(null, "", stateUrl(state));
    else if (historyMode === "replace") window.history.replaceState(null, "", stateUrl(state));
    ui.clear.hidden = !hasFilters(state.filters) && !state.q.trim();
    ui.label(chosenCount(state.filters), null);
    var mine = ++this.sequence;
    app.setAttribute("aria-busy", "true");
    this.searching = this.searching.then(function () { if (mine === self.sequence) return self.search(mine); });
  }

  search(mine) {
    var state = this.state, ui = this.ui, app = this.app, self = this;
    return Promise.all([loadPagefind(), loadWords()]).then(function (loaded) {
      return runSearch(loaded[0], state, loaded[1]).then(function (outcome) {
        return Object.assign(outcome, { vocab: loaded[1] });
      });
    }).then(function (outcome) { return self.searched(mine, outcome); }).catch(function (error) {
      if (mine !== self.sequence) return;
      ui.status.textContent = "Zoeken lukt nu niet: de zoekindex kon niet worden geladen.";
      app.setAttribute("aria-busy", "false");
      console.warn("Pagefind:", error);
    });
  }

  searched(mine, outcome) {
    var ui = this.ui, self = this;
    if (mine !== this.sequence) return;
    showSuggestion(ui.hint, outcome.vocab, outcome.rewritten);
    this.current = outcome.search;
    renderFacets(ui.facets, this.state, outcome.counts, function (name, value, on) { self.toggle(name, value, on); });
    ui.list.replaceChildren();
    ui.label(chosenCount(this.state.filters), this.current ? this.current.results.length : 0);
    if (!this.current) {
      ui.status.textContent = "Typ een zoekwoord of kies een filter.";
      ui.more.hidden = true;
      this.app.setAttribute("aria-busy", "false");
      return;
    }
    ui.status.textContent = summaryText(this.state, this.current.results.length, outcome.rewritten);
    return this.showResults(mine);
  }

  showResults(mine) {
    var ui = this.ui, self = this, current = this.current;
    var from = ui.list.children.length;
    var slice = current.results.slice(from, Math.min(this.state.shown, current.results.length));
    return Promise.all(slice.map(function (r) { return r.data(); })).then(function (datas) {
      if (mine !== self.sequence) return;
      var withExcerpt = Boolean(self.state.q.trim());
      datas.forEach(function (data) { ui.list.appendChild(resultItem(data, withExcerpt)); });
      ui.more.hidden = ui.list.children.length >= current.results.length;
      self.app.setAttribute("aria-busy", "false");
    });
  }

  toggle(name, value, on) {
    var filters = this.state.filters;
    var values = filters[name] = filters[name] || [];
    var at = values.indexOf(value);
    if (on && at < 0) values.push(value);
    if (!on && at >= 0) values.splice(at, 1);
    if (!values.length) delete filters[name];
    this.state.shown = PAGE_SIZE;
    this.update("push");
  }

  // The query from the search box, after a pause in typing ("replace") or on submit ("push").
  ask(historyMode) {
    window.clearTimeout(this.typingTimer);
    this.state.q = this.ui.input.value;
    this.state.shown = PAGE_SIZE;
    this.update(historyMode);
  }

  showMore() {
    var ui = this.ui;
    var next = ui.list.children.length;
    this.state.shown += PAGE_SIZE;
    this.showResults(this.sequence).then(function () {
      var link = ui.list.children[next] && ui.list.children[next].querySelector("a");
      if (link) link.focus();
    });
  }

  listen() {
    var ui = this.ui, self = this;
    ui.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.ask("push");
    });
    ui.input.addEventListener("input", function () {
      window.clearTimeout(self.typingTimer);
      self.typingTimer = window.setTimeout(function () { self.ask("replace"); }, TYPING_PAUSE);
    });
    ui.more.addEventListener("click", function () { self.showMore(); });
    ui.clear.addEventListener("click", function () {
      self.state = emptyState();
      ui.input.value = "";
      self.update("push");
      ui.input.focus();
    });
    window.addEventListener("popstate", function () {
      self.state = readState();
      ui.input.value = self.state.q;
      self.update(null);
    });
  }

  start() {
    this.listen();
    this.ui.input.value = this.state.q;
    this.update(null);
  }
}

function init() {
  var app = document.querySelector("[data-zoeken=app]");
  if (app && !app.dataset.started) {
    app.dataset.started = "true";
    new SearchPage(app).start();
  }
}

// Material's instant navigation swaps pages without reloading scripts.
if (typeof window.document$ !== "undefined") window.document$.subscribe(init);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
