"""Checks before a data release, run by .github/workflows/release.yml on a version tag.

    python -m generator.tools.release check v1.2.3   # the tag, dataset.yaml, CHANGELOG.md
                                                     # and CITATION.cff agree (exit 1 if not)
    python -m generator.tools.release notes v1.2.3   # the release's CHANGELOG section (Markdown)

A release is the version in catalog/dataset.yaml (`version`, `released`), the top
released section of CHANGELOG.md (`## [1.2.3] - 2026-11-23`, below `## [Unreleased]`)
and CITATION.cff (`version`, `date-released` and the same in `preferred-citation`):
all of them name the same version and date, and the tag is `v` + that version.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from generator.catalog.load import load_dataset
from generator.opendata.versions import released_sections
from generator.paths import CATALOG, project_dir

TAG = re.compile(r"^v(\d+\.\d+\.\d+)$")


def _read_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def check(tag: str, root: Path | None = None) -> list[str]:
    """What does not agree with the tag; an empty list when the release can be made."""
    root = root or project_dir()
    match = TAG.match(tag)
    if not match:
        return [f"tag {tag!r} is geen versie-tag: verwacht v<major>.<minor>.<patch>, bijvoorbeeld v1.2.0"]
    version = match.group(1)
    dataset = load_dataset(root / CATALOG)
    problems = []
    if dataset.get("version") != version:
        problems.append(f"catalog/dataset.yaml: version is {dataset.get('version')!r}, de tag zegt {version!r}")
    released = str(dataset.get("released"))
    sections = released_sections((root / "CHANGELOG.md").read_text(encoding="utf-8"))
    if not sections:
        problems.append("CHANGELOG.md: geen uitgebrachte versie ('## [x.y.z] - jjjj-mm-dd')")
    elif sections[0][:2] != (version, released):
        problems.append(f"CHANGELOG.md: bovenste uitgebrachte versie is {sections[0][0]} van {sections[0][1]}, "
                        f"verwacht {version} van {released}")
    citation = _read_yaml(root / "CITATION.cff")
    for where, entry in (("", citation), ("preferred-citation.", citation.get("preferred-citation") or {})):
        found = (str(entry.get("version")), str(entry.get("date-released")))
        if found != (version, released):
            problems.append(f"CITATION.cff: {where}version en {where}date-released zijn {found[0]} en {found[1]}, "
                            f"verwacht {version} en {released}")
    return problems


def notes(tag: str, root: Path | None = None) -> str:
    """The CHANGELOG section of the tag's version: the release's description."""
    version = TAG.match(tag).group(1) if TAG.match(tag) else tag
    for found, _, text in released_sections(((root or project_dir()) / "CHANGELOG.md").read_text(encoding="utf-8")):
        if found == version:
            return text + "\n"
    raise LookupError(f"CHANGELOG.md has no section for {version}")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] not in ("check", "notes"):
        print("gebruik: python -m generator.tools.release check|notes vX.Y.Z", file=sys.stderr)
        return 2
    command, tag = args
    if command == "notes":
        sys.stdout.write(notes(tag))
        return 0
    problems = check(tag)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"{tag}: tag, catalog/dataset.yaml, CHANGELOG.md en CITATION.cff zijn in de pas")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
