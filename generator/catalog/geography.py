"""Which province a place lies in, for the province listings and search facet.

A place says its provinces directly (`province`, a list: a region or water
board across a provincial border names each), is a province itself, or is
a region whose member places (those that name it in `part_of`) say theirs. A
practice in "Regio Achterhoek" thus lands under Gelderland, and one in a
cross-border region under every province its members lie in.
"""

from __future__ import annotations

from .model import Catalog

# CBS province codes, so a province that has no record in places.yaml still gets a name.
PROVINCE_NAMES = {
    "PV20": "Groningen", "PV21": "Fryslân", "PV22": "Drenthe", "PV23": "Overijssel",
    "PV24": "Flevoland", "PV25": "Gelderland", "PV26": "Utrecht", "PV27": "Noord-Holland",
    "PV28": "Zuid-Holland", "PV29": "Zeeland", "PV30": "Noord-Brabant", "PV31": "Limburg",
}


class Geography:
    def __init__(self, catalog: Catalog):
        self._places = catalog.places
        self._members: dict[str, list[str]] = {}
        for place_id, place in catalog.places.items():
            for parent in place.get("part_of", ()):
                self._members.setdefault(parent, []).append(place_id)
        self._cache: dict[str, tuple[str, ...]] = {}

    def provinces(self, place_id: str) -> tuple[str, ...]:
        """Province codes (PV..) of a place, sorted; empty when none can be found."""
        if place_id not in self._cache:
            self._cache[place_id] = tuple(sorted(self._find(place_id, set())))
        return self._cache[place_id]

    def provinces_of_practice(self, practice: dict) -> tuple[str, ...]:
        found = {code for place_id in practice["places"] for code in self.provinces(place_id)}
        return tuple(sorted(found))

    def province_name(self, code: str) -> str:
        place = self._places.get(code)
        return place["name"] if place else PROVINCE_NAMES.get(code, code)

    def _find(self, place_id: str, seen: set[str]) -> set[str]:
        if place_id in seen:  # part_of cycles are not forbidden by the schema
            return set()
        seen.add(place_id)
        place = self._places.get(place_id, {})
        if place.get("type") == "province":
            return {place_id}
        if place.get("province"):  # a list: a place across a provincial border lies in several
            return set(place["province"])
        found: set[str] = set()
        for member in self._members.get(place_id, ()):
            found |= self._find(member, seen)
        return found
