/*
 * The form "Voorbeeld toevoegen": the result of a check that passed.
 *
 * A preview of the practice as it will read, and the record as YAML
 * (form-yaml.js) to copy, download, or open on GitHub's new-file page with
 * the text filled in. With a new source (form-source.js), its own file comes
 * first, with its own link. Nothing is sent anywhere until the contributor
 * follows a link.
 */
import { el } from "./form-dom.js";
import { codeLabel, knownLabel } from "./form-model.js";
import { dump } from "./form-yaml.js";

var GITHUB_URL_LIMIT = 8000; // longer addresses may be refused; the YAML can still be pasted

// What happens after "Openen op GitHub", for someone who has never made a pull request.
var STEPS = [
  "GitHub opent een nieuw bestand met uw voorbeeld erin. U heeft een gratis account op GitHub nodig; " +
    "log in als GitHub daarom vraagt.",
  "Klik op de groene knop Commit changes. GitHub vraagt of het een eigen kopie van de catalogus mag maken " +
    "(een fork): dat is goed. Schrijf in een zin wat u toevoegt.",
  "Klik daarna op Create pull request. Een pull request is een voorstel aan de redactie: 'neem dit bestand " +
    "op in de catalogus'. Er verandert nog niets op de website.",
  "Binnen een paar minuten controleert GitHub uw voorbeeld met dezelfde regels als dit formulier. Een groen " +
    "vinkje betekent: in orde. Bij een rood kruis staat erbij wat u moet verbeteren.",
  "De redactie leest uw voorstel en stelt zo nodig een vraag in de pull request. U krijgt daarvan een e-mail " +
    "van GitHub. Is alles goed, dan neemt de redactie het over en staat uw voorbeeld op de website."
];

// The (hidden) result section; its parts go into state.parts for showResult.
export function resultSection(state) {
  var parts = state.parts;
  parts.yaml = el("textarea", { id: "pv-yaml", rows: 16, readonly: true, spellcheck: "false", class: "pv-form__yaml" });
  parts.copy = el("button", { type: "button", class: "md-button", "data-action": "kopieren", text: "Kopiëren" });
  parts.copied = el("span", { class: "pv-form__status", role: "status" });
  parts.download = el("a", { class: "md-button", "data-action": "downloaden", text: "Downloaden" });
  parts.github = el("a", { class: "md-button md-button--primary", "data-action": "github", target: "_blank",
                           rel: "noopener noreferrer", text: "Openen op GitHub" });
  parts.long = el("p", { class: "pv-form__note", hidden: true,
                         text: "Uw voorbeeld is lang. Opent GitHub een leeg bestand of een foutmelding? Kopieer dan " +
                               "de tekst hierboven en plak die in het nieuwe bestand." });
  parts.notes = el("ul", {});
  parts.notesBox = el("div", { class: "pv-form__notes", hidden: true },
                      [el("p", { text: "Let op (dit houdt uw voorbeeld niet tegen):" }), parts.notes]);
  parts.preview = el("div", { class: "pv-form__preview" });
  parts.source = sourcePart(parts);
  parts.copy.addEventListener("click", function () { copy(parts); });
  parts.result = el("section", { class: "pv-form__result", "aria-labelledby": "pv-resultaat-titel", hidden: true }, [
    el("h2", { id: "pv-resultaat-titel", tabindex: "-1", text: "Uw voorbeeld is klaar" }),
    parts.notesBox,
    el("h3", { text: "Zo ziet het eruit" }), parts.preview,
    parts.source,
    el("h3", { text: "Het bestand" }),
    el("p", { text: "Dit is uw voorbeeld als tekstbestand. Kopieer of download het, of open het meteen op GitHub." }),
    el("label", { for: "pv-yaml", text: "Uw voorbeeld als tekst" }), parts.yaml,
    el("div", { class: "pv-form__actions" }, [parts.copy, parts.download, parts.github, parts.copied]),
    parts.long,
    el("p", { class: "pv-form__help", text: "Tot u op Openen op GitHub klikt, blijft alles op uw eigen computer." }),
    el("h3", { text: "Wat gebeurt er op GitHub?" }),
    el("ol", { class: "pv-form__steps" }, STEPS.map(function (step) { return el("li", { text: step }); }))
  ]);
  return parts.result;
}

// The (hidden) part for the file of a new source: its text and its own link, first.
function sourcePart(parts) {
  parts.sourceYaml = el("textarea", { id: "pv-bron-yaml", rows: 9, readonly: true, spellcheck: "false", class: "pv-form__yaml" });
  parts.sourceGithub = el("a", { class: "md-button md-button--primary", "data-action": "github-bron", target: "_blank",
                                 rel: "noopener noreferrer", text: "Bron openen op GitHub" });
  return el("div", { hidden: true }, [
    el("h3", { text: "Eerst: het bestand voor de nieuwe bron" }),
    el("p", { text: "Uw voorbeeld verwijst naar een bron die nog niet in de catalogus staat. Daarom zijn er twee " +
                    "bestanden. Zet eerst de bron op GitHub: klik op Bron openen op GitHub en volg de stappen onderaan " +
                    "deze pagina. Doe daarna hetzelfde met uw voorbeeld, met de knop Openen op GitHub hieronder. Zo " +
                    "komen er twee voorstellen bij de redactie. Tot de redactie de bron heeft overgenomen, meldt de " +
                    "controle bij uw voorbeeld dat de bron nog niet in de catalogus staat. Dat is goed zo: de redactie " +
                    "neemt de bron en het voorbeeld samen over." }),
    el("label", { for: "pv-bron-yaml", text: "De bron als tekst" }), parts.sourceYaml,
    el("div", { class: "pv-form__actions" }, [parts.sourceGithub]),
    el("h3", { text: "Daarna: het bestand voor uw voorbeeld" })
  ]);
}

// The file's text and the address of GitHub's new-file page with that text filled in.
export function fileFor(spec, data) {
  var yaml = dump(data, [spec.schema_line]);
  var filename = data.id + ".yaml";
  return { yaml: yaml, filename: filename,
           github: spec.new_file_url + "?filename=" + encodeURIComponent(filename) + "&value=" + encodeURIComponent(yaml) };
}

// `spec`: the definition the practice was checked with (it knows a new source); `source`: the new source, or null.
export function showResult(state, spec, data, noteList, source) {
  var parts = state.parts, file = fileFor(spec, data);
  var yaml = file.yaml, filename = file.filename;
  parts.yaml.value = yaml;
  // One download address at a time: the previous file is released.
  if (state.downloadUrl) URL.revokeObjectURL(state.downloadUrl);
  state.downloadUrl = URL.createObjectURL(new Blob([yaml], { type: "application/yaml" }));
  parts.download.href = state.downloadUrl;
  parts.download.setAttribute("download", filename);
  parts.github.href = file.github;
  parts.long.hidden = file.github.length <= GITHUB_URL_LIMIT;
  parts.source.hidden = !source;
  if (source) {
    var sourceFile = fileFor(spec.new_source, source);
    parts.sourceYaml.value = sourceFile.yaml;
    parts.sourceGithub.href = sourceFile.github;
  }
  parts.notes.textContent = "";
  noteList.forEach(function (note) { parts.notes.append(el("li", { text: note.text })); });
  parts.notesBox.hidden = !noteList.length;
  parts.preview.textContent = "";
  parts.preview.append(preview(spec, data));
  parts.copied.textContent = "";
  parts.result.hidden = false;
}

function preview(spec, data) {
  function names(kind, ids) {
    return (ids || []).map(function (id) { return knownLabel(spec, kind, id) || id; }).join(", ");
  }
  function labels(codelist, codes) {
    return (codes || []).map(function (code) { return codeLabel(spec, codelist, code); }).join(", ");
  }
  var facts = [
    ["Stand van zaken", codeLabel(spec, "status", data.status)],
    ["Looptijd", data.period ? [data.period.start, data.period.end].filter(Boolean).join(" tot ") : ""],
    ["Plaatsen", names("place", data.places)],
    ["Thema's", labels("theme", data.themes)],
    ["Doelgroepen", labels("target_group", data.target_groups)],
    ["Bewijs", data.evidence ? codeLabel(spec, "evidence_level", data.evidence.level) + ": " + data.evidence.claimed_by : ""]
  ];
  var dl = el("dl", { class: "pv-form__facts" });
  facts.forEach(function (fact) {
    if (fact[1]) dl.append(el("div", {}, [el("dt", { text: fact[0] }), el("dd", { text: fact[1] })]));
  });
  var out = el("div", {}, [el("h3", { text: data.title }), el("p", { text: data.summary }), dl]);
  if (data.metrics) {
    var figures = el("ul", {});
    data.metrics.forEach(function (m) {
      var amount = m.value.toLocaleString("nl-NL") + " " + codeLabel(spec, "unit", m.unit);
      figures.append(el("li", { text: codeLabel(spec, "indicator", m.indicator) + ": " +
                                      (m.as_given ? m.as_given + " (" + amount + ")" : amount) +
                                      ". Bron: " + (knownLabel(spec, "source", m.source) || m.source) + ", " + m.locator }));
    });
    out.append(el("h4", { text: "Cijfers" }), figures);
  }
  if (data.description) out.append(el("h4", { text: "Beschrijving" }), el("div", { class: "pv-form__text", text: data.description }));
  var sources = el("ul", {});
  (data.sources || []).forEach(function (s) {
    sources.append(el("li", { text: (knownLabel(spec, "source", s.source) || s.source) + ", " + s.locator }));
  });
  out.append(el("h4", { text: "Bronnen" }), sources);
  return out;
}

// Copy to the clipboard; where the browser does not allow that, select the text for Ctrl+C.
function copy(parts) {
  function selectIt() {
    parts.yaml.focus();
    parts.yaml.select();
    parts.copied.textContent = "De tekst is geselecteerd: kopieer hem met Ctrl+C (of Cmd+C).";
  }
  if (!navigator.clipboard || !navigator.clipboard.writeText) { selectIt(); return; }
  navigator.clipboard.writeText(parts.yaml.value).then(function () {
    parts.copied.textContent = "Gekopieerd.";
  }, selectIt);
}
