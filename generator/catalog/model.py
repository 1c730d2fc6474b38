"""The Catalog: every checked record, cross-linked and read-only.

Records stay plain dicts as they came from YAML (field names as in the
schema), so every output module reads the same shapes the contributor wrote.
Output modules must not change them.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from .schemas import Schema


@dataclass(frozen=True)
class Catalog:
    practices: Mapping[str, dict]
    instruments: Mapping[str, dict]
    sources: Mapping[str, dict]
    places: Mapping[str, dict]
    codelists: Mapping[str, list[dict]]
    files: Mapping[str, str]  # "practice:<id>" / "instrument:<id>" -> path relative to the repo
    dataset: Mapping[str, object] | None = None  # catalog/dataset.yaml: name, version, licence, ...
    schema: Schema | None = None  # what the catalogue was checked against; outputs derive from it

    @classmethod
    def create(cls, practices, instruments, sources, places, codelists, files, dataset=None,
               schema=None) -> "Catalog":
        def frozen(mapping):
            return MappingProxyType(dict(sorted(mapping.items())))
        return cls(frozen(practices), frozen(instruments), frozen(sources), frozen(places),
                   MappingProxyType(dict(codelists)), MappingProxyType(dict(files)),
                   None if dataset is None else MappingProxyType(dict(dataset)), schema)

    @property
    def last_update(self) -> str | None:
        """The newest `record.updated` of the practices and instruments (YYYY-MM-DD)."""
        dates = [r["record"]["updated"] for group in (self.practices, self.instruments) for r in group.values()]
        return max(dates) if dates else None

    def records(self, kind: str) -> Mapping[str, dict]:
        """The records of a kind (kinds.KINDS), by id."""
        return {"practice": self.practices, "instrument": self.instruments,
                "source": self.sources, "place": self.places}[kind]

    def code(self, codelist: str, code: str) -> dict:
        """The codelist row of a code (the checker guarantees it exists)."""
        return self._codes[codelist][code]

    def label(self, codelist: str, code: str, lang: str = "nl") -> str:
        if lang == "nl":  # the site asks for Dutch labels hundreds of thousands of times
            return self._labels_nl[codelist][code]
        return self.code(codelist, code)[f"label_{lang}"]

    def practices_using(self, field: str, code: str) -> list[dict]:
        """Practices whose field holds code: a list field (themes, instruments, places, ...)
        or a single value (status, scope), in id order."""
        return self._using(field).get(code, [])

    def _using(self, field: str) -> dict[str, list[dict]]:
        # One pass per field, kept: the site asks for every code of a field.
        cache = self.__dict__.setdefault("_using_index", {})
        if field not in cache:
            index: dict[str, list[dict]] = {}
            for practice in self.practices.values():
                value = practice.get(field, ())
                for code in value if isinstance(value, list) else (value,):
                    index.setdefault(code, []).append(practice)
            cache[field] = index
        return cache[field]

    @property
    def _labels_nl(self) -> dict[str, dict[str, str]]:
        cache = self.__dict__.get("_label_index")
        if cache is None:
            cache = {name: {code: row["label_nl"] for code, row in rows.items()} for name, rows in self._codes.items()}
            object.__setattr__(self, "_label_index", cache)
        return cache

    @property
    def _codes(self) -> dict[str, dict[str, dict]]:
        cache = self.__dict__.get("_code_index")
        if cache is None:
            cache = {name: {row["code"]: row for row in rows} for name, rows in self.codelists.items()}
            object.__setattr__(self, "_code_index", cache)
        return cache
