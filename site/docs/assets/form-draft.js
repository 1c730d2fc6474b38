/*
 * The form "Voorbeeld toevoegen": nothing typed is lost.
 *
 * What was typed (state.raw) is kept in the browser's local storage after
 * every change, so a reload or a closed tab brings it back. It stays on this
 * computer, is never sent anywhere, and stays until the contributor clears
 * it with the button the notice at the top of the form offers. Where the
 * browser refuses storage (a private window, storage turned off), the form
 * works as before and says that nothing is kept.
 */
import { el } from "./form-dom.js";
import { isObject } from "./form-model.js";

var KEY = "pv-voorbeeld-toevoegen-concept";
var VERSION = 1;

function storage() {
  try {
    var store = window.localStorage;
    store.setItem(KEY + "-test", "1");
    store.removeItem(KEY + "-test");
    return store;
  } catch (error) {
    return null;
  }
}

// The draft kept earlier: {raw, idEdited}, or null.
export function loadDraft() {
  var store = storage();
  if (!store) return null;
  try {
    var draft = JSON.parse(store.getItem(KEY) || "null");
    return draft && draft.version === VERSION && isObject(draft.raw) ? draft : null;
  } catch (error) {
    return null;
  }
}

export function saveDraft(state) {
  var store = storage();
  if (!store) return;
  try {
    store.setItem(KEY, JSON.stringify({ version: VERSION, raw: state.raw, idEdited: state.idEdited,
                                        saved: new Date().toISOString() }));
  } catch (error) { /* full or refused: the form goes on without a draft */ }
}

export function clearDraft() {
  var store = storage();
  if (store) store.removeItem(KEY);
}

// The notice at the top of the form; `restart` draws an empty form after the draft is cleared.
export function draftNotice(restored, restart) {
  if (!storage()) {
    return el("p", { class: "pv-form__draft", text: "Let op: deze browser bewaart niets. Wat u typt, is weg als u " +
                                                     "de pagina sluit of opnieuw laadt." });
  }
  var clear = el("button", { type: "button", class: "md-button pv-form__clear", "data-action": "wissen",
                             text: "Alles wissen en opnieuw beginnen" });
  // Asked in the page, not with window.confirm: a second button, so one slip of the mouse wipes nothing.
  var yes = el("button", { type: "button", class: "md-button md-button--primary", "data-action": "wissen-ja",
                           text: "Ja, wis alles" });
  var no = el("button", { type: "button", class: "md-button", "data-action": "wissen-nee", text: "Nee, bewaren" });
  var ask = el("p", { hidden: true }, ["Wilt u alles wissen wat u in dit formulier typte? ", yes, " ", no]);
  clear.addEventListener("click", function () { ask.hidden = false; yes.focus(); });
  no.addEventListener("click", function () { ask.hidden = true; clear.focus(); });
  yes.addEventListener("click", function () { clearDraft(); restart(); });
  var words = (restored ? "Wat u eerder typte, staat er weer. " : "") +
    "Deze browser bewaart wat u typt op deze computer, ook als u de pagina sluit. Niemand anders ziet het. " +
    "Het blijft bewaard tot u het wist.";
  return el("div", { class: "pv-form__draft" }, [el("p", { role: "status", text: words }), clear, ask]);
}
