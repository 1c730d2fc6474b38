"""One record inside a loaded file, and how a rule reports a problem at it."""

from __future__ import annotations

from dataclasses import dataclass

from .load import Document
from .problems import Problem


@dataclass
class Entry:
    """One record inside a document, at a data path."""
    kind: str  # practice | instrument | source | place
    doc: Document
    path: tuple
    data: dict

    @property
    def id(self):
        value = self.data.get("id")
        return value if isinstance(value, str) else None

    def problem(self, code: str, subpath: tuple = (), **params) -> Problem:
        full = self.path + subpath
        line, col = self.doc.position(full)
        return Problem(code=code, file=self.doc.path, line=line, column=col, path=full, params=params)


def strings(node, path: tuple):
    """(path, text) for every string inside a value, at any depth."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from strings(value, path + (i,))
