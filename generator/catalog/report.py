"""Reporters: problems -> text for people, JSON for tools, GitHub annotations.

Picked by name from REPORTERS; each returns the whole output as one string.
"""

from __future__ import annotations

import json
from itertools import groupby

from .problems import ERROR, Problem

WORDS = {
    "nl": {"error": "fout", "warning": "waarschuwing", "errors": "fouten", "warnings": "waarschuwingen",
           "ok": "Alles in orde: {files} bestanden gecontroleerd, geen problemen.",
           "summary": "{errors} {errors_word} en {warnings} {warnings_word} in {bad} bestand(en); "
                      "{files} bestanden gecontroleerd.",
           "fix": "oplossing"},
    "en": {"error": "error", "warning": "warning", "errors": "errors", "warnings": "warnings",
           "ok": "All good: {files} files checked, no problems.",
           "summary": "{errors} {errors_word} and {warnings} {warnings_word} in {bad} file(s); "
                      "{files} files checked.",
           "fix": "fix"},
}


def text(problems: list[Problem], files: int, lang: str) -> str:
    words = WORDS[lang]
    lines = []
    for file, group in groupby(problems, key=lambda p: p.file):
        lines.append(file)
        for p in group:
            where = f"{p.line}:{p.column}" if p.line else "-"
            label = words[p.severity]
            field = f"  {p.field}" if p.field else ""
            lines.append(f"  {where}  {label} [{p.code}]{field}")
            lines.append(f"      {p.message(lang)}")
            lines.append(f"      {words['fix']}: {p.hint(lang)}")
        lines.append("")
    lines.append(_summary(problems, files, lang))
    return "\n".join(lines) + "\n"


def _summary(problems, files, lang) -> str:
    words = WORDS[lang]
    if not problems:
        return words["ok"].format(files=files)
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    return words["summary"].format(
        errors=errors, warnings=warnings, files=files, bad=len({p.file for p in problems}),
        errors_word=words["error"] if errors == 1 else words["errors"],
        warnings_word=words["warning"] if warnings == 1 else words["warnings"])


def as_json(problems: list[Problem], files: int, lang: str) -> str:
    return json.dumps([p.as_dict(lang) for p in problems], ensure_ascii=False, indent=2) + "\n"


def github(problems: list[Problem], files: int, lang: str) -> str:
    """Workflow commands, one per problem, then the full text report."""
    lines = []
    for p in problems:
        props = [f"file={_prop(p.file)}"]
        if p.line:
            props += [f"line={p.line}", f"col={p.column}"]
        props.append(f"title={_prop(p.code + (' ' + p.field if p.field else ''))}")
        body = _data(f"{p.message(lang)} {WORDS[lang]['fix']}: {p.hint(lang)}")
        lines.append(f"::{p.severity} {','.join(props)}::{body}")
    return "\n".join(lines) + ("\n" if lines else "") + text(problems, files, lang)


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


REPORTERS = {"text": text, "json": as_json, "github": github}
