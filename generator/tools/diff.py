"""What changed in the catalogue between two versions, for reviewers and the data changelog.

`diff_catalog(repo, base, head)` reads the catalogue at a git commit and at
another commit or the working tree (git_catalog.py), and lists the records added, changed (with
the fields that differ) and withdrawn, and the figures (metrics and costs)
added, changed and removed inside practices that exist in both. `text` and
`markdown` render the result; the Markdown uses the changelog's headings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from generator.catalog.kinds import KINDS

from .git_catalog import files_at, files_in_worktree, records

FIGURES = ("metrics", "costs")
# Figures have no id: a figure that is not unchanged is matched to one of the
# other version by these keys, strongest first (a corrected value keeps its
# indicator and period; a corrected period at least its indicator).
MATCH_KEYS = {
    "metrics": (("indicator", "stage", "period", "as_of", "place", "label"), ("indicator",)),
    "costs": (("basis", "stage", "period", "covers"), ("basis",)),
}
WORKTREE = "working tree"


@dataclass(frozen=True)
class FigureChange:
    part: str  # metrics | costs
    change: str  # added | changed | removed
    label: str  # what the figure is about, e.g. "persons-into-work: ruim 500 (500 persons)"
    details: tuple[str, ...] = ()  # for a changed figure: "value: 500 → 550", ...


@dataclass(frozen=True)
class RecordChange:
    kind: str
    id: str
    title: str
    fields: tuple[str, ...] = ()  # top-level fields that differ (changed records only)
    figures: tuple[FigureChange, ...] = ()
    counts: dict = field(default_factory=dict, compare=False)  # figures of an added practice


@dataclass
class CatalogDiff:
    base: str
    head: str
    added: list[RecordChange]
    changed: list[RecordChange]
    withdrawn: list[RecordChange]
    unreadable: list[str]  # "path (at ref)" of files the loader refused; their records are left out

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.withdrawn or self.unreadable)


# ---------------------------------------------------------------- reading


def diff_catalog(repo: Path, base: str, head: str | None = None, catalog: str = "catalog") -> CatalogDiff:
    """Compare the catalogue at git ref `base` with ref `head` (None: the working tree)."""
    old_files = files_at(repo, base, catalog)
    new_files = files_in_worktree(repo, catalog) if head is None else files_at(repo, head, catalog)
    old, old_bad = records(old_files, catalog)
    new, new_bad = records(new_files, catalog)
    unreadable = [f"{path} (at {base})" for path in old_bad]
    unreadable += [f"{path} (at {head or WORKTREE})" for path in new_bad]
    return compare(old, new, base, head or WORKTREE, unreadable)


# ---------------------------------------------------------------- comparing


def compare(old: dict[str, dict], new: dict[str, dict], base: str = "base", head: str = "head",
            unreadable: list[str] = ()) -> CatalogDiff:
    added, changed, withdrawn = [], [], []
    for kind in KINDS:
        before, after = old.get(kind, {}), new.get(kind, {})
        for ident in sorted(after.keys() - before.keys()):
            added.append(RecordChange(kind, ident, _title(after[ident]), counts=_figure_counts(after[ident])))
        for ident in sorted(before.keys() & after.keys()):
            if before[ident] != after[ident]:
                changed.append(_changed(kind, ident, before[ident], after[ident]))
        for ident in sorted(before.keys() - after.keys()):
            withdrawn.append(RecordChange(kind, ident, _title(before[ident])))
    return CatalogDiff(base, head, added, changed, withdrawn, list(unreadable))


def _changed(kind: str, ident: str, before: dict, after: dict) -> RecordChange:
    keys = list(after) + [key for key in before if key not in after]
    fields = tuple(key for key in keys if before.get(key) != after.get(key))
    figures = []
    if kind == "practice":
        for part in FIGURES:
            if part in fields:
                figures += figure_changes(part, _list(before.get(part)), _list(after.get(part)))
    return RecordChange(kind, ident, _title(after), fields, tuple(figures))


def figure_changes(part: str, before: list, after: list) -> list[FigureChange]:
    """Pair the figures of two versions (unchanged first, then by ever weaker keys); the rest were added or removed."""
    old = [item for item in before if isinstance(item, dict)]
    new = [item for item in after if isinstance(item, dict)]
    for item in list(new):  # unchanged figures drop out first, whatever their position
        if item in old:
            old.remove(item)
            new.remove(item)
    pairs = []
    for key_fields in MATCH_KEYS[part]:
        for item in list(new):
            key = _key(item, key_fields)
            match = next((o for o in old if _key(o, key_fields) == key), None)
            if match is not None:
                old.remove(match)
                new.remove(item)
                pairs.append((match, item))
    changes = [FigureChange(part, "added", _describe(part, item)) for item in new]
    changes += [FigureChange(part, "changed", _describe(part, b), _details(a, b)) for a, b in pairs]
    changes += [FigureChange(part, "removed", _describe(part, item)) for item in old]
    return changes


def _key(item: dict, fields: tuple[str, ...]) -> str:
    return json.dumps([item.get(name) for name in fields], sort_keys=True, ensure_ascii=False)


def _details(before: dict, after: dict) -> tuple[str, ...]:
    keys = list(after) + [key for key in before if key not in after]
    return tuple(f"{key}: {_show(before.get(key))} → {_show(after.get(key))}"
                 for key in keys if before.get(key) != after.get(key))


def _describe(part: str, item: dict) -> str:
    if part == "metrics":
        what = item.get("indicator", "?")
        if item.get("label"):
            what += f" ({item['label']})"
        amount = f"{_show(item.get('value'))} {item.get('unit', '')}".strip()
    else:
        what = f"{item.get('covers', '?')} ({item.get('basis', '?')})"
        amount = f"{_show(item.get('amount'))} {item.get('currency', '')}".strip()
    given = f' "{item["as_given"]}"' if item.get("as_given") else ""
    return f"{what}: {amount}{given}"


def _show(value) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))


def _title(record: dict) -> str:
    for key in ("title", "name"):
        if isinstance(record.get(key), str):
            return record[key]
    return ""


def _figure_counts(record: dict) -> dict:
    return {part: len(_list(record.get(part))) for part in FIGURES if _list(record.get(part))}


def _list(value) -> list:
    return value if isinstance(value, list) else []


# ---------------------------------------------------------------- rendering

PART_WORDS = {"metrics": ("figure", "figures"), "costs": ("cost item", "cost items")}


def text(result: CatalogDiff) -> str:
    if result.empty:
        return f"No changes in the catalogue between {result.base} and {result.head}.\n"
    lines = [f"Changes in the catalogue between {result.base} and {result.head}:"]
    for heading, group in (("Added", result.added), ("Changed", result.changed), ("Withdrawn", result.withdrawn)):
        if group:
            lines += ["", f"{heading} ({len(group)})"]
            for change in group:
                lines.append(f"  {change.kind} {change.id}" + (f": {change.title}" if change.title else ""))
                if change.counts:
                    lines.append(f"    with {_counts(change.counts)}")
                if change.fields:
                    lines.append(f"    fields: {', '.join(change.fields)}")
                for figure in change.figures:
                    lines.append(f"    {PART_WORDS[figure.part][0]} {figure.change}: {figure.label}")
                    lines += [f"      {detail}" for detail in figure.details]
    if result.unreadable:
        lines += ["", "Could not be read (left out above):"] + [f"  {path}" for path in result.unreadable]
    return "\n".join(lines) + "\n"


def markdown(result: CatalogDiff) -> str:
    """The changes under the changelog's headings (Added, Corrected, Withdrawn)."""
    if result.empty:
        return f"No changes in the catalogue between `{result.base}` and `{result.head}`.\n"
    lines = [f"Changes in the catalogue between `{result.base}` and `{result.head}`."]
    for heading, group in (("Added", result.added), ("Corrected", result.changed),
                           ("Withdrawn", result.withdrawn)):
        if not group:
            continue
        lines += ["", f"### {heading}", ""]
        for change in group:
            line = f"- {change.kind.capitalize()} `{change.id}`"
            if change.title:
                line += f": {_md(change.title)}"
            if change.counts:
                line += f" (with {_counts(change.counts)})"
            if change.fields:
                line += f"; fields: {', '.join(f'`{name}`' for name in change.fields)}"
            lines.append(line)
            for figure in change.figures:
                detail = "; ".join(_md(d) for d in figure.details)
                lines.append(f"  - {PART_WORDS[figure.part][0].capitalize()} {figure.change}: {_md(figure.label)}"
                             + (f" ({detail})" if detail else ""))
    if result.unreadable:
        lines += ["", "### Could not be read", ""] + [f"- `{path}`" for path in result.unreadable]
    return "\n".join(lines) + "\n"


RENDERERS = {"text": text, "markdown": markdown}


def _counts(counts: dict) -> str:
    words = []
    for part, number in counts.items():
        singular, plural = PART_WORDS[part]
        words.append(f"{number} {singular if number == 1 else plural}")
    return " and ".join(words)


def _md(value: str) -> str:
    """Record text as literal Markdown: no links, emphasis or HTML from a title."""
    value = " ".join(value.split())
    return "".join("\\" + c if c in "\\`*_[]<>~" else c for c in value)
