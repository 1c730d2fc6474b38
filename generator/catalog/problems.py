"""Problems found in the catalogue, and the one table of their messages.

Every problem has a stable code; its message and its hint are templates,
one per code and language, filled from the problem's params. Keeping them in
one table (as 360Giving's CoVE does) keeps the wording consistent and lets a
test prove that every code has both languages. A code the web form reports
can have a "form" entry: its wording at a form field, where the contributor
types no YAML and sees no files (a dict when it depends on the widget or the
expected type; generator/website/form_spec.py derives the form's table).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    code: str
    file: str
    line: int | None
    column: int | None
    path: tuple = ()
    params: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def severity(self) -> str:
        return WARNINGS.get(self.code, ERROR)

    @property
    def field(self) -> str:
        return format_path(self.path)

    def message(self, lang: str = "nl") -> str:
        return _fill(MESSAGES[self.code][lang][0], self.params)

    def hint(self, lang: str = "nl") -> str:
        return _fill(MESSAGES[self.code][lang][1], self.params)

    def sort_key(self):
        return (self.file, self.line or 0, self.column or 0, self.code, self.field)

    def as_dict(self, lang: str = "nl") -> dict:
        return {
            "severity": self.severity, "code": self.code, "file": self.file,
            "line": self.line, "column": self.column, "field": self.field,
            "message": self.message(lang), "hint": self.hint(lang),
        }


def format_path(path: tuple) -> str:
    """('metrics', 0, 'unit') -> 'metrics[0].unit'."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


class _Params(dict):
    def __missing__(self, key):
        return "?"


def _fill(template: str, params: dict) -> str:
    return template.format_map(_Params(params))


WARNINGS = {
    "related-one-way": WARNING,
    "orphan-source": WARNING,
    "orphan-instrument": WARNING,
    "orphan-place": WARNING,
    "summary-long": WARNING,
    "metric-without-comparison-unit": WARNING,
    "quote-source-text-missing": WARNING,
}

# code -> {lang: (message, hint)}, and optionally "form": text or {variant: text}
MESSAGES: dict[str, dict] = {
    # loading
    "file-too-large": {
        "nl": ("Het bestand is {size} bytes; de grens is {limit} bytes.",
               "Splits het record of maak de beschrijving korter."),
        "en": ("The file is {size} bytes; the limit is {limit} bytes.",
               "Split the record or shorten its description."),
    },
    "file-unreadable": {
        "nl": ("Het bestand kan niet gelezen worden: {error}.", "Controleer of het bestand bestaat en leesbaar is."),
        "en": ("The file cannot be read: {error}.", "Check that the file exists and is readable."),
    },
    "file-symlink": {
        "nl": ("Dit is een symbolische link (naar {target}); de controle volgt geen links en leest het doel niet.",
               "Zet het bestand of de map zelf in catalog/, niet een link ernaar."),
        "en": ("This is a symbolic link (to {target}); the checker follows no links and does not read the target.",
               "Put the file or folder itself in catalog/, not a link to it."),
    },
    "file-not-regular": {
        "nl": ("Dit is geen gewoon bestand, maar bijvoorbeeld een map of een pipe; de controle leest het niet.",
               "Zet op deze plek een gewoon YAML-bestand, of haal het weg."),
        "en": ("This is not a regular file but, for instance, a folder or a pipe; the checker does not read it.",
               "Put a regular YAML file here, or remove it."),
    },
    "file-control-char": {
        "nl": ("Er staat een onzichtbaar stuurteken ({char}) in het bestand.",
               "Haal het teken weg. Zulke tekens komen vaak mee bij kopiëren uit een pdf of tekstverwerker; "
               "typ de tekst op deze plek zo nodig opnieuw."),
        "en": ("The file holds an invisible control character ({char}).",
               "Remove it; such characters often come along when copying from a PDF or word processor."),
    },
    "file-not-utf8": {
        "nl": ("Het bestand is geen UTF-8: byte {byte} hoort daar niet.",
               "Sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan met codering')."),
        "en": ("The file is not UTF-8: byte {byte} does not belong there.",
               "Save the file as UTF-8."),
    },
    "yaml-syntax": {
        "nl": ("De YAML klopt hier niet en kan niet gelezen worden.",
               "Kijk naar inspringing, dubbele punten en aanhalingstekens op deze regel of de regel erboven."),
        "en": ("The YAML is malformed here and cannot be read.",
               "Check indentation, colons and quotes on this line or the one above."),
    },
    "yaml-indent": {
        "nl": ("Deze regel springt niet goed in, of er mist een dubbele punt.",
               "Zet de regel even ver naar rechts als de andere velden op hetzelfde niveau (twee spaties per "
               "niveau), en schrijf 'naam: waarde'. Loopt een tekst over meer regels, laat dan elke "
               "volgende regel ook inspringen."),
        "en": ("This line is indented wrongly, or a colon is missing.",
               "Indent it as far as the other fields of its level (two spaces per level) and write 'name: value'; "
               "indent every further line of a long text too."),
    },
    "yaml-tab": {
        "nl": ("Er staat een tab in de inspringing.", "Gebruik spaties (twee per niveau) in plaats van tabs."),
        "en": ("There is a tab in the indentation.", "Indent with spaces (two per level), not tabs."),
    },
    "yaml-escape": {
        "nl": ("De code {escape} tussen aanhalingstekens is geen geldig teken.",
               "Typ het teken zelf in plaats van de code met een backslash, of schrijf \\\\ als u een "
               "backslash bedoelt. Een losse helft van een tekenpaar (\\ud800 tot \\udfff) kan niet."),
        "en": ("The code {escape} between quotes is not a valid character.",
               "Type the character itself instead of the backslash code, or write \\\\ for a backslash. "
               "Half a surrogate pair (\\ud800 to \\udfff) is not possible."),
    },
    "yaml-anchor": {
        "nl": ("Ankers (&naam) zijn niet toegestaan.", "Schrijf de waarde voluit op elke plek waar hij nodig is."),
        "en": ("Anchors (&name) are not allowed.", "Write the value out in full wherever it is needed."),
    },
    "yaml-alias": {
        "nl": ("Verwijzingen (*naam) zijn niet toegestaan.", "Schrijf de waarde voluit op elke plek waar hij nodig is."),
        "en": ("Aliases (*name) are not allowed.", "Write the value out in full wherever it is needed."),
    },
    "yaml-tag": {
        "nl": ("De YAML-tag {tag} is niet toegestaan.",
               "Haal de tag (het woord met ! of !!) weg; zet tekst eventueel tussen aanhalingstekens."),
        "en": ("The YAML tag {tag} is not allowed.", "Remove the tag; quote the text if needed."),
    },
    "yaml-duplicate-key": {
        "nl": ("Het veld '{key}' staat twee keer in dezelfde lijst van velden.",
               "Houd één van de twee over en voeg de inhoud samen."),
        "en": ("The field '{key}' occurs twice in the same mapping.", "Keep one and merge the content."),
    },
    "yaml-too-deep": {
        "nl": ("Het bestand is te diep genest om te lezen: vanaf hier meer dan {limit} niveaus.",
               "Vergelijk de opbouw met het sjabloon; een record is hooguit een paar niveaus diep. "
               "Kijk of hier haakjes [ of {{ te veel staan of niet gesloten zijn."),
        "en": ("The file is nested too deeply to read: more than {limit} levels from here.",
               "Compare its structure with the template; a record is a few levels deep at most. "
               "Look for brackets [ or {{ too many or left open here."),
    },
    "number-too-large": {
        "nl": ("Het getal {value} is te groot om als getal te bewaren.",
               "Controleer het getal: hoogstens 9007199254740991 kan. Is het geen getal maar een code of "
               "tekst, zet het dan tussen aanhalingstekens."),
        "en": ("The number {value} is too large to keep as a number.",
               "Check the number: at most 9007199254740991 is possible. If it is a code or text, quote it."),
    },
    "number-not-finite": {
        "nl": ("{value} is geen gewoon getal (oneindig of 'geen getal'); data-bestanden kunnen het niet bewaren.",
               "Vul een echt getal in, of laat het veld weg als de bron geen getal geeft."),
        "en": ("{value} is not an ordinary number (infinite or 'not a number'); data files cannot hold it.",
               "Enter a real number, or leave the field out if the source gives none."),
    },
    "yaml-complex-key": {
        "nl": ("Een veldnaam moet gewone tekst zijn.", "Schrijf de veldnaam als tekst gevolgd door een dubbele punt."),
        "en": ("A field name must be plain text.", "Write the field name as text followed by a colon."),
    },
    "top-not-mapping": {
        "nl": ("Het bestand moet beginnen met velden (naam: waarde), niet met een lijst of losse tekst.",
               "Begin met 'id: ...' op de eerste regel, zoals in het sjabloon."),
        "en": ("The file must hold fields (name: value), not a list or bare text.",
               "Start with 'id: ...' as in the template."),
    },
    # schema, one template per kind of JSON Schema error
    "schema-required": {
        "nl": ("Het verplichte veld '{field}' ontbreekt.", "Voeg '{field}:' toe op dit niveau."),
        "en": ("The required field '{field}' is missing.", "Add '{field}:' at this level."),
        "form": {"": "Vul dit veld in.",
                 "choice": "Kies een waarde.",
                 "list": "Vul er minstens één in.",
                 "groups": "Vul er minstens één in.",
                 "checkboxes": "Kies er minstens één.",
                 "object": "Vul dit onderdeel in."},
    },
    "schema-additional": {
        "nl": ("Het veld '{field}' bestaat niet op deze plek.",
               "Controleer de naam{suggestion_nl}. Veldnamen zijn Engels, zoals in het sjabloon; "
               "of haal het veld weg."),
        "en": ("The field '{field}' is not allowed here.",
               "Check the name{suggestion_en}; field names are English, as in the template. Or remove the field."),
        "form": "Dit veld hoort hier niet.",
    },
    "schema-type": {
        "nl": ("Hier hoort {expected_nl}, maar er staat {actual_nl}.", "Vul {expected_nl} in."),
        "en": ("Expected {expected_en} here, found {actual_en}.", "Enter {expected_en}."),
        "form": {"": "Deze waarde heeft niet de goede vorm.",
                 "number": "Vul een getal in, zoals 12 of 12,5 (zonder punt voor duizendtallen).",
                 "integer": "Vul een heel getal in, zoals 2."},
    },
    "number-with-unit": {
        "nl": ("'{value}' is geen getal: schrijf {number} en kies de eenheid {unit_nl}.",
               "Zet alleen het getal achter de dubbele punt. De eenheid hoort in een eigen veld "
               "(bij een cijfer: unit, bijvoorbeeld unit: percent)."),
        "en": ("'{value}' is not a number: write {number} and choose the unit {unit_nl}.",
               "Put only the number after the colon; the unit has a field of its own (for a figure: unit)."),
        "form": "Schrijf alleen het getal: {number_nl}. Kies de eenheid ({unit_nl}) bij Eenheid.",
    },
    "date-in-words": {
        "nl": ("'{value}' is een datum in woorden: schrijf {date}.",
               "Schrijf een datum in cijfers: jaar-maand-dag (2020-03-15), jaar-maand (2020-03) of een jaar "
               "(2020)."),
        "en": ("'{value}' is a date in words: write {date}.",
               "Write a date in digits: year-month-day (2020-03-15), year-month (2020-03) or a year (2020)."),
        "form": "Schrijf de datum in cijfers: {date}.",
    },
    "unknown-code": {
        "nl": ("'{value}' staat niet in de codelijst {codelist}.",
               "Kies een code uit schema/codelists/{codelist}.csv{suggestion_nl}."),
        "en": ("'{value}' is not in the codelist {codelist}.",
               "Choose a code from schema/codelists/{codelist}.csv{suggestion_en}."),
        "form": "Kies een waarde uit de lijst.",
    },
    "schema-enum": {
        "nl": ("'{value}' is hier niet toegestaan.", "Kies uit: {allowed}."),
        "en": ("'{value}' is not allowed here.", "Choose from: {allowed}."),
        "form": "Kies een waarde uit de lijst.",
    },
    "schema-pattern": {
        "nl": ("'{value}' heeft niet de juiste vorm voor {what_nl}.", "{pattern_hint_nl}"),
        "en": ("'{value}' does not have the right form for {what_en}.", "{pattern_hint_en}"),
        "form": "Deze waarde heeft niet de goede vorm.",
    },
    "schema-min-length": {
        "nl": ("De tekst is te kort: minstens {limit} tekens.", "Vul de tekst aan."),
        "en": ("The text is too short: at least {limit} characters.", "Complete the text."),
        "form": "Te kort: schrijf minstens {limit} tekens.",
    },
    "schema-max-length": {
        "nl": ("De tekst is {length} tekens; hoogstens {limit} mag.", "Maak de tekst korter."),
        "en": ("The text is {length} characters; at most {limit} are allowed.", "Shorten the text."),
        "form": "Te lang: {length} tekens, hoogstens {limit} mag.",
    },
    "schema-min-items": {
        "nl": ("De lijst moet minstens {limit} onderdeel hebben.", "Voeg een onderdeel toe (regel die begint met '- ')."),
        "en": ("The list needs at least {limit} item(s).", "Add an item (a line starting with '- ')."),
        "form": "Vul er minstens {limit} in.",
    },
    "schema-unique": {
        "nl": ("De lijst bevat een waarde twee keer.", "Haal de dubbele waarde weg."),
        "en": ("The list holds a value twice.", "Remove the duplicate."),
        "form": "Een waarde staat er twee keer in. Haal de dubbele weg.",
    },
    "schema-minimum": {
        "nl": ("{value} is te klein: minstens {limit}.", "Controleer het getal."),
        "en": ("{value} is too small: at least {limit}.", "Check the number."),
        "form": "Het getal moet minstens {limit} zijn.",
    },
    "schema-maximum": {
        "nl": ("{value} is te groot: hoogstens {limit}.", "Controleer het getal."),
        "en": ("{value} is too large: at most {limit}.", "Check the number."),
        "form": "Het getal mag hoogstens {limit} zijn.",
    },
    "schema-min-properties": {
        "nl": ("Dit onderdeel is leeg.", "Vul minstens één veld in of haal het onderdeel weg."),
        "en": ("This part is empty.", "Fill in at least one field or remove it."),
        "form": "Vul minstens één veld in, of laat dit onderdeel helemaal leeg.",
    },
    "schema-dependent": {
        "nl": ("Bij '{field}' hoort ook '{missing}'.", "Voeg '{missing}:' toe."),
        "en": ("'{field}' requires '{missing}' as well.", "Add '{missing}:'."),
        "form": "Vul dit ook in: het hoort bij het veld '{field_label}'.",
    },
    "schema-more": {
        "nl": ("Er zijn meer dan {limit} fouten tegen het schema in dit bestand; de controle toont de eerste {limit}.",
               "Herstel eerst deze fouten en controleer dan opnieuw. Zoveel fouten wijzen vaak op één oorzaak, "
               "zoals een verkeerde inspringing of een lijst op de verkeerde plek."),
        "en": ("There are more than {limit} schema errors in this file; the check shows the first {limit}.",
               "Fix these first and check again; so many errors often have one cause, such as wrong indentation."),
    },
    "schema-other": {
        "nl": ("De waarde voldoet niet aan het schema ({keyword}).", "Vergelijk met het sjabloon in CONTRIBUTING.md."),
        "en": ("The value does not satisfy the schema ({keyword}).", "Compare with the template in CONTRIBUTING.md."),
        "form": "Deze waarde is hier niet toegestaan.",
    },
    # rules beyond the schema
    "id-file-mismatch": {
        "nl": ("Het id '{id}' is niet gelijk aan de bestandsnaam '{stem}'.",
               "Maak het id gelijk aan de bestandsnaam, of hernoem het bestand naar {id}.yaml."),
        "en": ("The id '{id}' differs from the file name '{stem}'.", "Make them equal."),
    },
    "id-duplicate": {
        "nl": ("Het id '{id}' is twee keer gebruikt: hier en in {other}. Elk id hoort bij één record ({noun_nl}).",
               "Is het hetzelfde record, haal het dan op één van beide plekken weg (een bron die al in "
               "catalog/sources.yaml staat, hoeft niet ook in catalog/sources/). Is het een ander record, "
               "kies dan een ander id."),
        "en": ("The id '{id}' is used twice: here and in {other}. Each id belongs to one record ({noun_en}).",
               "If it is the same record, remove it from one of the two places (a source already in "
               "catalog/sources.yaml needs no file in catalog/sources/); otherwise choose another id."),
        "form": {"": ("Er is al een voorbeeld met deze korte naam ({title}). Kies een andere naam, of verbeter "
                      "het bestaande voorbeeld."),
                 "source": ("Er is al een bron met deze korte naam ({title}). Is het dezelfde bron? Kies haar dan "
                            "bij 'Een bron uit de catalogus'. Is het een andere bron, kies dan een andere korte naam.")},
    },
    "unresolved-source": {
        "nl": ("De bron '{value}' staat niet in de catalogus (catalog/sources.yaml of catalog/sources/).",
               "Maak catalog/sources/{value}.yaml aan of kies een bestaande bron{suggestion_nl}."),
        "en": ("The source '{value}' is not in the catalogue (catalog/sources.yaml or catalog/sources/).",
               "Create catalog/sources/{value}.yaml or pick an existing source{suggestion_en}."),
        "form": ("De bron '{value}' staat nog niet in de catalogus. De controle op GitHub keurt uw voorbeeld"
                 " af tot de bron erin staat. Kies een bron uit de lijst, of kies bij Nieuwe bron 'Een bron die "
                 "nog niet in de catalogus staat' en vul haar gegevens in."),
    },
    "unresolved-instrument": {
        "nl": ("Het instrument '{value}' bestaat niet in catalog/instruments/.",
               "Maak catalog/instruments/{value}.yaml aan of kies een bestaand instrument{suggestion_nl}."),
        "en": ("The instrument '{value}' does not exist in catalog/instruments/.",
               "Create catalog/instruments/{value}.yaml or pick an existing one{suggestion_en}."),
        "form": ("Het instrument '{value}' staat nog niet in de catalogus. De controle op GitHub keurt uw "
                 "voorbeeld af tot het erin staat. Kies uit de lijst, of noem het instrument in de "
                 "beschrijving van uw voorstel: de redactie helpt u."),
    },
    "unresolved-place": {
        "nl": ("De plaats '{value}' staat niet in catalog/places.yaml.",
               "Kies een plaats uit catalog/places.yaml{suggestion_nl}, of voeg de plaats daar toe "
               "(met CBS-code als die bestaat)."),
        "en": ("The place '{value}' is not in catalog/places.yaml.",
               "Choose a place from catalog/places.yaml{suggestion_en}, or add it there (with its CBS code "
               "where one exists)."),
        "form": ("De plaats '{value}' staat nog niet in de catalogus. De controle op GitHub keurt uw "
                 "voorbeeld af tot de plaats erin staat. Kies een plaats uit de lijst, of noem de plaats in "
                 "de beschrijving van uw voorstel: de redactie voegt haar toe."),
    },
    "unresolved-practice": {
        "nl": ("Het voorbeeld '{value}' bestaat niet in catalog/practices/.",
               "Controleer de naam{suggestion_nl}."),
        "en": ("The practice '{value}' does not exist in catalog/practices/.", "Check the name{suggestion_en}."),
        "form": "Er is nog geen voorbeeld met de korte naam '{value}'. Kies een voorbeeld uit de lijst.",
    },
    "related-self": {
        "nl": ("Een voorbeeld kan niet naar zichzelf verwijzen.", "Haal '{value}' weg uit related."),
        "en": ("A practice cannot relate to itself.", "Remove '{value}' from related."),
        "form": "Een voorbeeld kan niet naar zichzelf verwijzen. Haal '{value}' hier weg.",
    },
    "related-one-way": {
        "nl": ("'{other}' verwijst niet terug naar '{id}'.",
               "Voeg '{id}' toe aan related in catalog/practices/{other}.yaml."),
        "en": ("'{other}' does not link back to '{id}'.", "Add '{id}' to related in {other}.yaml."),
        "form": ("Het voorbeeld '{other}' verwijst nog niet terug naar dit voorbeeld. De redactie kan dat "
                 "aanvullen."),
    },
    "unit-mismatch": {
        "nl": ("De eenheid '{unit}' past niet bij de indicator '{indicator}' (die telt in '{expected}').",
               "Gebruik unit: {expected}, of kies een indicator die bij deze eenheid past."),
        "en": ("The unit '{unit}' does not match the indicator '{indicator}' (which counts in '{expected}').",
               "Use unit: {expected}, or pick a matching indicator."),
        "form": "Bij deze indicator hoort de eenheid '{expected_label}'.",
    },
    "comparison-unit-mismatch": {
        "nl": ("De vergelijking gebruikt eenheid '{unit}', het cijfer zelf '{expected}'.",
               "Vergelijk alleen cijfers met dezelfde eenheid, of leg het verschil uit in een note."),
        "en": ("The comparison uses unit '{unit}', the figure '{expected}'.",
               "Compare figures of the same unit only."),
        "form": "Gebruik dezelfde eenheid als bij het cijfer zelf ('{expected_label}').",
    },
    "period-order": {
        "nl": ("Het begin ({start}) ligt na het einde ({end}).", "Draai begin en einde om of verbeter de datum."),
        "en": ("The start ({start}) is after the end ({end}).", "Swap them or correct the date."),
        "form": "Het einde ({end}) ligt voor het begin ({start}). Draai ze om of verbeter een van beide.",
    },
    "record-dates-order": {
        "nl": ("De datum 'updated' ({updated}) ligt voor 'added' ({added}).", "Verbeter een van beide datums."),
        "en": ("'updated' ({updated}) is before 'added' ({added}).", "Correct one of the dates."),
        "form": "Deze datum ligt voor de datum van toevoegen.",
    },
    "date-impossible": {
        "nl": ("De datum {value} bestaat niet: {month_nl} {year} heeft {days} dagen.",
               "Verbeter de dag of de maand (jaar-maand-dag, bijvoorbeeld 2024-02-29)."),
        "en": ("The date {value} does not exist: {month_en} {year} has {days} days.",
               "Correct the day or the month (year-month-day, e.g. 2024-02-29)."),
        "form": ("De datum {value} bestaat niet: {month_nl} {year} heeft {days} dagen. Verbeter de dag of de"
                 " maand."),
    },
    "text-formula-start": {
        "nl": ("Tekst mag niet beginnen met =, +, -, @, tab of een regelterugloop; deze tekst begint met {sign_nl}.",
               "Een spreadsheet leest zo'n tekst als formule. Begin met een woord, of zet het teken na een "
               "woord: 'min 2' of 'ongeveer −2' in plaats van '-2', 'plus 3' in plaats van '+3'."),
        "en": ("Text must not start with =, +, -, @, tab or a carriage return; this text starts with {sign_en}.",
               "A spreadsheet reads such text as a formula. Start with a word, or put the sign after a word: "
               "'minus 2' or 'about −2' instead of '-2'."),
        "form": ("Begin deze tekst niet met {sign_nl}: een spreadsheet leest dat als formule. Begin met een "
                 "woord, bijvoorbeeld 'min 2' in plaats van '-2'."),
    },
    "text-control-char": {
        "nl": ("Deze tekst bevat een onzichtbaar stuurteken ({char}), geschreven als code met een backslash.",
               "Haal de code (bijvoorbeeld \\r of \\u0007) uit de tekst; gebruik voor een nieuwe regel "
               "een gewone regelovergang."),
        "en": ("This text holds an invisible control character ({char}), written as a backslash escape.",
               "Remove the escape (for example \\r or \\u0007); use a plain line break for a new line."),
        "form": "In deze tekst staat een onzichtbaar teken ({char}). Typ de tekst op deze plek opnieuw.",
    },
    "url-scheme": {
        "nl": ("Het adres '{value}' begint niet met https:// of http://.",
               "Gebruik een volledig webadres dat begint met https://."),
        "en": ("The address '{value}' does not start with https:// or http://.", "Use a full https:// address."),
        "form": "Het adres {value} begint niet met https:// of http://. Gebruik een volledig webadres.",
    },
    "personal-phone": {
        "nl": ("Er staat een telefoonnummer in de tekst ({value}).",
               "Haal het nummer weg: de catalogus bevat geen persoonlijke contactgegevens."),
        "en": ("The text holds a phone number ({value}).", "Remove it: no personal contact data."),
        "form": "Haal het telefoonnummer {value} weg: de catalogus bevat geen persoonlijke contactgegevens.",
    },
    "personal-email": {
        "nl": ("Er staat een e-mailadres in de tekst ({value}).",
               "Haal het adres weg: de catalogus bevat geen persoonlijke contactgegevens."),
        "en": ("The text holds an e-mail address ({value}).", "Remove it: no personal contact data."),
        "form": "Haal het e-mailadres {value} weg: de catalogus bevat geen persoonlijke contactgegevens.",
    },
    "summary-long": {
        "nl": ("De samenvatting is {length} tekens; mik op hoogstens {limit}.",
               "Houd het bij twee of drie korte zinnen."),
        "en": ("The summary is {length} characters; aim for at most {limit}.", "Keep it to two or three sentences."),
        "form": ("De samenvatting is {length} tekens. Houd het bij twee of drie korte zinnen (mik op "
                 "hoogstens {limit} tekens)."),
    },
    "cost-part-of": {
        "nl": ("part_of verwijst naar kostenpost {value}, maar die bestaat niet (of is deze post zelf).",
               "Gebruik het volgnummer (vanaf 1) van een andere post in costs."),
        "en": ("part_of points at cost item {value}, which does not exist (or is this item).",
               "Use the 1-based position of another item in costs."),
        "form": "Vul het nummer in van een andere kostenpost in deze lijst (1 tot en met {count}).",
    },
    "orphan-source": {
        "nl": ("De bron '{id}' wordt door geen enkel record gebruikt.", "Verwijs ernaar of haal de bron weg."),
        "en": ("The source '{id}' is not used by any record.", "Refer to it or remove it."),
    },
    "orphan-instrument": {
        "nl": ("Het instrument '{id}' wordt door geen enkel voorbeeld gebruikt.",
               "Noem het in instruments van een voorbeeld, of haal het weg."),
        "en": ("The instrument '{id}' is not used by any practice.", "Use it in a practice or remove it."),
    },
    "orphan-place": {
        "nl": ("De plaats '{id}' wordt door geen enkel record gebruikt.", "Verwijs ernaar of haal de plaats weg."),
        "en": ("The place '{id}' is not used by any record.", "Refer to it or remove it."),
    },
    "codelist-invalid": {
        "nl": ("De codelijst klopt niet: {detail}.", "Herstel het CSV-bestand (kolommen code,label_nl,label_en,description_nl)."),
        "en": ("The codelist is invalid: {detail}.", "Fix the CSV (columns code,label_nl,label_en,description_nl)."),
    },
    "no-such-path": {
        "nl": ("Het pad '{value}' bestaat niet.", "Controleer de naam van het bestand of de map."),
        "en": ("The path '{value}' does not exist.", "Check the file or folder name."),
    },
    # quotes: figures and texts compared with the texts of the sources (python -m generator quotes)
    "quote-not-in-source": {
        "nl": ("'{value}' staat niet letterlijk in de tekst van de bron {source}.",
               "Neem het cijfer over precies zoals de bron het schrijft. Alleen spaties, aanhalingstekens, "
               "streepjes en opmaak mogen anders zijn. Klopt het cijfer, kijk dan of de bron goed is."),
        "en": ("'{value}' does not occur verbatim in the text of the source {source}.",
               "Copy the figure exactly as the source writes it; only whitespace, quote marks, dashes and "
               "markup may differ. If the figure is right, check that the source is."),
    },
    "quote-copied-text": {
        "nl": ("{words} woorden op een rij staan precies zo in de bron {source}: '{run}'.",
               "Schrijf dit stuk in eigen woorden. Namen en cijfers mogen blijven."),
        "en": ("{words} consecutive words are identical to the source {source}: '{run}'.",
               "Rewrite this passage in your own words; names and figures may stay."),
    },
    "quote-source-text-missing": {
        "nl": ("Er is geen tekstbestand voor de bron '{id}' ({file}). De cijfers en teksten bij deze bron "
               "zijn niet vergeleken.",
               "Zet de tekst van de bron als gewone tekst in {file}."),
        "en": ("There is no text file for the source '{id}' ({file}); figures and texts citing it were "
               "not compared.", "Put the source's text, as plain text, in {file}."),
    },
}
