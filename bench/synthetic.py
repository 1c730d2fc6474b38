"""Synthetic, valid catalogues of any size, for benchmarks and scale tests.

`make_catalog(n, folder)` writes `folder/catalog/` with n practice records of
realistic size (every optional field is used somewhere), plus the sources,
places and instruments they refer to. The records use the real codelists, so
they validate against the real schema with no errors and no warnings.
"""

from __future__ import annotations

import csv
import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.paths import CODELIST_DIR  # noqa: E402

N_SOURCES, N_PLACES, N_INSTRUMENTS = 40, 60, 15
WORDS = ("werk participatie gemeente werkgever werkgevers jongeren bijstand begeleiding regio "
         "scholing coach baan banen ondernemer leerwerkplek aanpak samenwerking uitstroom "
         "inwoners vakmanschap netwerk proef resultaat wijk").split()


def make_catalog(n: int, folder: Path, seed: int = 1) -> Path:
    """Write a catalogue of n practices under folder/catalog and return that path."""
    rng = random.Random(seed)
    codes = {path.stem: _codes(path) for path in CODELIST_DIR.glob("*.csv")}
    catalog = folder / "catalog"
    (catalog / "practices").mkdir(parents=True, exist_ok=True)
    (catalog / "instruments").mkdir(parents=True, exist_ok=True)
    sources = [f"bron-{i:03d}" for i in range(N_SOURCES)]
    places = [f"GM{1000 + i:04d}" for i in range(N_PLACES)]
    instruments = [f"instrument-{i:02d}" for i in range(N_INSTRUMENTS)]
    shutil.copy(ROOT / "catalog" / "dataset.yaml", catalog / "dataset.yaml")
    _dump(catalog / "sources.yaml", {"sources": [_source(s, i) for i, s in enumerate(sources)]})
    _dump(catalog / "places.yaml", {"places": _places(places)})
    for i, ident in enumerate(instruments):
        _dump(catalog / "instruments" / f"{ident}.yaml", _instrument(ident, sources[i % N_SOURCES], rng))
    ids = [f"praktijk-{i:05d}" for i in range(n)]
    for i, ident in enumerate(ids):
        # pairs (0,1), (2,3), ... relate to each other both ways
        partner = ids[i ^ 1] if (i ^ 1) < n else None
        record = _practice(ident, i, rng, codes, sources, places, instruments, partner)
        _dump(catalog / "practices" / f"{ident}.yaml", record)
    return catalog


def _codes(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _source(ident: str, i: int) -> dict:
    source = {"id": ident, "title": f"Synthetische bron {i}", "publisher": "Benchmark",
              "date": f"{2010 + i % 12}-{1 + i % 12:02d}", "type": "report", "language": "nl"}
    if i % 2:
        source["url"] = f"https://example.org/bron/{i}"
    else:
        source.update({"authors": [f"Auteur {i}", f"Auteur {i + 1}"], "series": f"Reeks {i % 5}, nr. {i}",
                       "date_note": "Datum uit het colofon.", "note": "Synthetische bron voor de benchmark."})
    return source


def _places(ids: list[str]) -> list[dict]:
    out = [{"id": "PV26", "name": "Utrecht", "type": "province", "cbs_code": "PV26", "lat": 52.08, "lon": 5.2},
           {"id": "regio-midden", "name": "Regio Midden", "type": "labour-market-region", "cbs_code": "AM01",
            "province": ["PV26"], "lat": 52.1, "lon": 5.3, "note": "Synthetische arbeidsmarktregio."}]
    for i, ident in enumerate(ids):
        place = {"id": ident, "name": f"Gemeente {i}", "type": "municipality", "cbs_code": ident,
                 "province": ["PV26"], "lat": 51.0 + i / 100, "lon": 5.0 + i / 100}
        if i % 2 == 0:
            place.update({"part_of": ["regio-midden"], "note": "Hoort bij Regio Midden."})
        out.append(place)
    return out


def _instrument(ident: str, source: str, rng) -> dict:
    return {"id": ident, "name": f"Instrument {ident[-2:]}", "also_known_as": [f"I{ident[-2:]}"],
            "summary": _text(rng, 20), "how_it_works": _text(rng, 80),
            "links": [{"title": "Meer informatie", "url": "https://example.org/instrument"}],
            "sources": [{"source": source, "locator": "p. 1", "note": "Noemt het instrument."}],
            "record": _record()}


def _record() -> dict:
    return {"added": "2026-01-01", "updated": "2026-02-01", "contributors": ["Benchmark"],
            "checked": {"date": "2026-02-02", "by": "Benchmark"}}


def _practice(ident, i, rng, codes, sources, places, instruments, partner) -> dict:
    pick = lambda name, k=1: sorted({row["code"] for row in rng.sample(codes[name], k)})  # noqa: E731
    source = sources[i % N_SOURCES]
    record = {
        "id": ident, "title": f"Praktijkvoorbeeld {i}: {_text(rng, 5)}"[:120],
        "summary": _text(rng, 35)[:390], "description": _text(rng, 250),
        "status": pick("status")[0], "period": {"start": str(2010 + i % 10), "end": str(2021 + i % 5)},
        "scope": pick("scope")[0], "places": [places[i % N_PLACES], places[(i * 7 + 1) % N_PLACES]],
        "themes": pick("theme", 2), "target_groups": pick("target_group", 2),
        "instruments": [instruments[i % N_INSTRUMENTS]],
        "organisations": [
            {"name": f"Gemeente {i % N_PLACES}", "type": "municipality", "role": "lead",
             "place": places[i % N_PLACES], "website": f"https://gemeente-{i % N_PLACES}.example.org",
             "note": _text(rng, 6)},
            {"name": f"Werkgever {i}", "type": "employer", "role": "employer"},
        ],
        "metrics": [_metric(rng, codes, source, j) for j in range(3 + i % 3)],
        "costs": [
            {"amount": 100000 + i, "currency": "EUR", "as_given": f"€ {100000 + i}", "basis": "total",
             "stage": "expected", "period": {"start": "2020", "end": "2021"}, "covers": "Alle kosten",
             "vat": "excl", "source": source, "locator": "tabel 1"},
            {"amount": 40000, "currency": "EUR", "basis": "per-year", "stage": "expected",
             "covers": "Begeleiding", "part_of": 1, "source": source, "locator": "tabel 1", "note": "Deel van het totaal.",
             "derived": "Helft van het totaal, volgens de redactie."},
        ],
        "funding": [{"funder": "Rijk", "amount": 50000, "currency": "EUR", "as_given": "50.000",
                     "period": {"start": "2020", "end": "2022"}, "note": _text(rng, 5), "source": source,
                     "locator": "p. 2"}],
        "success_factors": [_text(rng, 12), _text(rng, 10)],
        "obstacles": [_text(rng, 12)],
        "evidence": {"level": pick("evidence_level")[0], "claimed_by": "De projectleider", "note": _text(rng, 10)},
        "sources": [{"source": source, "locator": f"p. {1 + i % 40}", "note": "Hoofdbron."}],
        "record": _record(),
    }
    if partner:
        record["related"] = [partner]
    if i % 3 == 0:
        record["links"] = [{"title": "Projectsite", "url": f"https://example.org/praktijk/{i}"}]
    return record


def _metric(rng, codes, source, j) -> dict:
    indicator = rng.choice(codes["indicator"])
    metric = {
        "indicator": indicator["code"], "label": _text(rng, 4), "value": rng.randint(1, 500),
        "qualifier": rng.choice(codes["qualifier"])["code"], "as_given": "ruim 100",
        "unit": indicator["unit"], "population": "deelnemers", "kind": rng.choice(codes["metric_kind"])["code"],
        "stage": rng.choice(codes["metric_stage"])["code"], "source": source, "locator": f"p. {j + 1}",
    }
    if j == 0:
        metric["period"] = {"start": "2019", "end": "2020"}
        metric["place"] = "regio-midden"
        metric["comparison"] = {"label": "landelijk", "value": rng.randint(1, 500), "unit": indicator["unit"],
                                "qualifier": "about", "as_given": "ongeveer 80",
                                "period": {"start": "2019", "end": "2020"},
                                "place": "PV26", "source": source, "locator": "p. 3", "note": "Vergelijking."}
        metric["baseline"] = {"value": 10, "unit": indicator["unit"], "qualifier": "exact", "as_given": "10",
                              "period": {"start": "2018", "end": "2018"}, "note": "Beginstand."}
        metric["derived"] = "Berekend uit twee tabellen."
        metric["note"] = _text(rng, 8)
    else:
        metric["as_of"] = "2020-06"
    return metric
