"""What each field of the form "Voorbeeld toevoegen" asks for, in plain Dutch with a real example.

The schema's descriptions are written for people who edit YAML files: they
name codelists and files in catalog/. A contributor using the form sees
neither, so the form shows these texts instead where they differ (by path
pattern such as "metrics[].source", or by field name for every place it
occurs). tests/test_form.py keeps file paths, codelist names and the word
"record" out of everything the form shows.
"""

from __future__ import annotations

_START = "Begin: een jaar (2020), jaar en maand (2020-03 voor maart 2020) of een datum (2020-03-15)."
_END = "Einde: een jaar (2023), jaar en maand (2023-12) of een datum (2023-12-31). Leeg als het nog loopt."
_PLACE = "Typ de naam van de gemeente, provincie of regio en kies uit de lijst, bijvoorbeeld Venlo."
_SOURCE = ("Typ een woord uit de titel van de bron en kies uit de lijst. Het formulier bewaart de korte naam "
           "van de bron, bijvoorbeeld lokaal-bestuur-2014-het-werkt.")
_LOCATOR = "Waar het in de bron staat: een hoofdstuk, kopje of pagina, bijvoorbeeld 'Hoofdstuk 3' of 'p. 12'."
_UNIT = "De eenheid van het getal, bijvoorbeeld % of personen."
_CURRENCY = "Munteenheid in drie hoofdletters, meestal EUR (euro)."

# By field name: for every place the field occurs (a path pattern below wins).
BY_NAME = {
    "start": _START, "end": _END, "place": _PLACE, "source": _SOURCE, "locator": _LOCATOR, "unit": _UNIT,
    "currency": _CURRENCY,
    "qualifier": "Hoe precies het getal is, bijvoorbeeld 'meer dan' bij 'ruim 500'. Leeg betekent precies.",
}

# By path pattern ("metrics[].value").
BY_PATH = {
    "id": ("Een korte naam voor het bestand: kleine letters, cijfers en streepjes. Het formulier maakt hem uit "
           "de titel, bijvoorbeeld venlo-re-inspiratie."),
    "title": "Naam van het voorbeeld, kort en herkenbaar, bijvoorbeeld 'Venlo: Re-inspiratie'. Hoogstens 120 tekens.",
    "summary": ("Twee of drie zinnen in gewone taal en in eigen woorden, bijvoorbeeld: 'Venlo liet mensen in de "
                "bijstand vrijwilligerswerk doen als opstap naar betaald werk.' Hoogstens 600 tekens."),
    "description": ("Wat er gebeurde, voor wie, met wie, wat het opleverde en wat hielp of remde. Een lege regel "
                    "begint een nieuwe alinea; een regel die begint met '- ' wordt een opsomming."),
    "places": ("Waar het voorbeeld speelt. " + _PLACE + " Het formulier bewaart de code van het CBS, zoals "
               "GM0983 voor Venlo."),
    "themes": "Kies een of meer thema's. Het eerste dat u aanvinkt, is het belangrijkste.",
    "target_groups": "Kies een of meer doelgroepen. De eerste die u aanvinkt, is de belangrijkste.",
    "instruments": ("Welke instrumenten het voorbeeld gebruikt. Typ een woord en kies uit de lijst, bijvoorbeeld "
                    "bbl-leerwerktraject."),
    "metrics[].indicator": "Wat er gemeten is. Zo zijn cijfers van verschillende voorbeelden te vergelijken.",
    "metrics[].value": ("Alleen het getal, zoals de bron het geeft: 14 voor '14 procent', 500 voor 'ruim 500' "
                        "(kies dan bij Hoe precies: meer dan). Een komma mag: 12,5."),
    "metrics[].unit": _UNIT + " Het formulier kiest de eenheid die bij de indicator hoort.",
    "metrics[].comparison.unit": "Dezelfde eenheid als bij het cijfer zelf.",
    "metrics[].baseline.unit": "Dezelfde eenheid als bij het cijfer zelf.",
    "metrics[].comparison.source": "Alleen als de vergelijking uit een andere bron komt. " + _SOURCE,
    "costs[].amount": "Alleen het getal, bijvoorbeeld 850000 voor '€ 850.000'.",
    "costs[].as_given": "Het bedrag letterlijk zoals de bron het schrijft, bijvoorbeeld '€ 850.000'.",
    "costs[].basis": "Waar het bedrag op slaat: totaal, per jaar, eenmalig of per deelnemer.",
    "costs[].part_of": ("Is deze post een deel van een andere kostenpost hierboven? Vul het nummer van die post "
                        "in, bijvoorbeeld 1."),
    "funding[].amount": "Alleen het getal, als de bron het noemt, bijvoorbeeld 250000.",
    "evidence.level": "Hoe sterk het bewijs is dat de aanpak werkt.",
    "sources": "Waar de informatie vandaan komt: de bron en de plek in de bron.",
    "links[].url": "Het volledige adres, bijvoorbeeld https://www.venlo.nl/werk-en-inkomen.",
    "related": ("Andere voorbeelden in de catalogus die hierop lijken. Typ een woord uit de titel en kies uit de "
                "lijst."),
    "record": "Over uw bijdrage: wanneer en door wie.",
    "record.added": "Datum waarop u het voorbeeld toevoegt, bijvoorbeeld 2026-03-15. Het formulier vult vandaag in.",
    "record.updated": "Datum van de laatste wijziging. Bij een nieuw voorbeeld is dat de datum van vandaag.",
    "record.contributors": ("Uw naam of die van uw organisatie, bijvoorbeeld 'Gemeente Venlo'. Geen e-mailadres "
                            "of telefoonnummer."),
    "record.checked": ("Alleen voor de redactie: wie het voorbeeld naast de bronnen legde, en wanneer. U mag dit "
                       "leeg laten."),
    # a source that is not yet in the catalogue (form-source.js)
    "new_source.title": ("De titel zoals die op de publicatie staat, bijvoorbeeld 'Werkcentrum Venlo helpt 300 "
                         "mensen aan een baan'."),
    "new_source.publisher": "Wie de publicatie uitgaf, bijvoorbeeld 'Gemeente Venlo' of 'Divosa'.",
    "new_source.date": ("Wanneer de bron verscheen: een jaar (2024) of jaar en maand (2024-05 voor mei 2024). "
                        "Weet u het niet, laat dit dan leeg."),
    "new_source.url": ("Het volledige adres van de bron op internet, bijvoorbeeld "
                       "https://www.venlo.nl/nieuws/werkcentrum. Laat dit leeg als de bron niet online staat."),
    "new_source.type": "Wat voor bron het is, bijvoorbeeld een webpagina, een rapport of een artikel.",
    "new_source.language": "De taal van de bron in twee letters: nl voor Nederlands, en voor Engels.",
    "new_source.id": ("Een korte naam voor de bron: kleine letters, cijfers en streepjes. Het formulier maakt hem "
                      "uit de uitgever, het jaar en de titel, bijvoorbeeld gemeente-venlo-2024-werkcentrum-venlo. "
                      "Uw voorbeeld verwijst met deze naam naar de bron."),
}

# The checker's hint for the form of a place code names the file of places; the form offers names.
PATTERN_HINTS = {
    "een plaatscode": "Typ de naam van de plaats en kies uit de lijst, of schrijf een CBS-code zoals GM0983.",
}
