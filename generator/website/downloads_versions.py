"""The downloads page's list of versions: every version of the data package at its own
address (data/<version>/, written by generator/opendata/versions.py), newest first, each
with its date, its files and what changed in it (its section of CHANGELOG.md), after the
changes not released yet."""

from __future__ import annotations

import re

from generator.opendata.versions import Version, all_versions, current_version, released_sections

from . import dutch
from .page_parts import shift_headings
from .sanitize import text

DATA = "../data/"  # from /downloads/ to the data folder at the site root
CHANGELOG = "CHANGELOG.md"  # one of datapackage.COMPANIONS, so it is published in data/ too

# The changelog's section headings (Keep a Changelog, in English in CHANGELOG.md) as the page says them.
CHANGELOG_HEADINGS = {
    "Unreleased": "Nog niet uitgebracht",
    "Added": "Toegevoegd",
    "Corrected": "Verbeterd",
    "Changed": "Gewijzigd",
    "Withdrawn": "Ingetrokken",
    "Removed": "Verwijderd",
    "Schema changes": "Wijzigingen in het schema",
    "Breaking changes": "Wijzigingen die bestaand gebruik kunnen breken",
}
HEADING_WORDS = re.compile(r"^(#+ )\[?(" + "|".join(map(re.escape, CHANGELOG_HEADINGS)) + r")\]?[ \t]*$", re.MULTILINE)
UNRELEASED = re.compile(r"^## \[Unreleased\][ \t]*\n(.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)


def versions_markdown(dataset: dict, releases: list[Version], changelog: str) -> str:
    """The section "Alle versies"; releases are the earlier versions the build was given."""
    sections = {version: body for version, _, body in released_sections(changelog)}
    parts = [
        "## Alle versies",
        "",
        "Elke versie van de data blijft te downloaden, op een eigen adres dat niet meer verandert. "
        f"Zo vindt u later precies dezelfde gegevens terug. In {_code('data/')} staan altijd de "
        f"nieuwste gegevens; in {_code('data/<versie>/')} staat één versie: het zip-bestand en "
        "elk bestand daaruit. Wat er per versie veranderde, staat ook in "
        f'<a href="{DATA}{CHANGELOG}">{CHANGELOG}</a>. De toelichting is in het Engels, '
        "voor onderzoekers in het buitenland.",
        "",
        "Het versienummer zegt wat voor wijziging het is. Het eerste getal gaat omhoog als een "
        "wijziging een bestaande analyse kan breken (een tabel, veld of code is weg of anders), "
        "het tweede bij nieuwe voorbeelden, velden of codes, het derde bij verbeteringen van "
        "bestaande voorbeelden.",
        "",
    ]
    unreleased = UNRELEASED.search(changelog)  # on top, as in CHANGELOG.md
    if unreleased and unreleased.group(1).strip():
        # right under "Alle versies" (h2): its ### sections stay h3, with no level skipped
        parts.append(_details("Wijzigingen die nog niet zijn uitgebracht", unreleased.group(1), shift=0))
    for version in all_versions(releases, current_version(dataset)):
        parts.append(_version(dataset, version, sections.get(version.version)))
    return "\n".join(parts)


def _version(dataset: dict, version: Version, changes: str | None) -> str:
    folder = f"{DATA}{version.version}/"
    size = f" ({_size(version.zip_bytes)})" if version.zip_bytes else ""
    if version.from_release:
        when = (f"Uitgebracht op {text(dutch.date(version.released))}. De datapakketten per voorbeeld "
                f'van deze versie staan bij <a href="{text(_release_page(dataset, version))}">de release op GitHub</a>.')
    else:
        when = f"Versie van {text(dutch.date(version.released))}: de gegevens van deze website."
    lines = [
        f"### Versie {text(version.version)}",
        "",
        when,
        "",
        f'- <a href="{folder}{text(version.zip_name)}">{text(version.zip_name)}</a>{size}: alles in één bestand',
        f'- <a href="{folder}datapackage.json">datapackage.json</a>: de beschrijving van het pakket',
        "",
    ]
    if changes:
        lines.append(_details(f"Wat er veranderde in versie {version.version}", changes, shift=1))
    return "\n".join(lines)


def _details(summary: str, changes: str, shift: int) -> str:
    changes = HEADING_WORDS.sub(lambda m: m.group(1) + CHANGELOG_HEADINGS[m.group(2)], changes.strip())
    return "\n".join([
        '<details class="downloads-wijzigingen" markdown="1">',
        f"<summary>{text(summary)}</summary>",
        "",
        shift_headings(changes, by=shift),
        "</details>",
        "",
    ])


def _release_page(dataset: dict, version: Version) -> str:
    return f"{dataset['repository'].rstrip('/')}/releases/tag/v{version.version}"


def _size(size: int) -> str:
    """1234567 -> '1,2 MB' (decimal units, as file managers show them)."""
    for unit, factor in (("MB", 1_000_000), ("kB", 1_000)):
        if size >= factor:
            return f"{dutch.number(round(size / factor, 1))} {unit}"
    return f"{dutch.number(size)} bytes"


def _code(path: str) -> str:
    return f"<code>{text(path)}</code>"
