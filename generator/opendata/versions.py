"""Every released version of the data package, at its own address: data/<version>/.

The site is built from the current catalogue only, so the files of an earlier version
cannot be made again: newer code, schemas or records would give other bytes. They come
from the release itself instead: the catalogue's zip attached to each GitHub release
(.github/workflows/release.yml), which .github/workflows/deploy.yml downloads into a
folder with one subfolder per release (`releases/v0.1.0/praktijkvoorbeelden-werk.zip`).
`read_releases` reads that folder and checks each zip's version against its folder's name;
`write_versions` puts each zip and every file in it, byte for byte, in data/<version>/.
The version being built gets data/<version>/ from its own zip, unless that version was
released already: then the released files win, so a released version's files never change
(the catalogue may have changed since, under the same version number, until the next release).
Each version's per-practice packages stay attached to its GitHub release (their `id`).

Also the CHANGELOG.md sections of the released versions (`released_sections`), which the
release check (generator/tools/release.py) and the downloads page read.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .encoding import write_bytes

RELEASE_HEADING = re.compile(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})\s*$", re.MULTILINE)
VERSION = re.compile(r"^v?(\d+\.\d+\.\d+)$")


class ReleaseError(Exception):
    """A release folder that cannot be published as it is; the message says why (in Dutch)."""


@dataclass(frozen=True)
class Version:
    """One version of the data package as the downloads page lists it."""
    version: str
    released: str       # YYYY-MM-DD
    zip_name: str
    zip_bytes: int | None = None   # size and checksum of a released zip; the version being
    zip_sha256: str | None = None  # built writes its zip while the pages are made
    from_release: bool = False     # False: the version being built, not (yet) in the releases folder


def current_version(dataset: dict) -> Version:
    """The version being built, as catalog/dataset.yaml names it."""
    return Version(dataset["version"], dataset["released"], f"{dataset['name']}.zip")


def read_releases(folder: Path, zip_name: str) -> list[tuple[Version, Path]]:
    """Each release in folder (one subfolder per release, named by its tag or version, with
    the catalogue's zip in it), newest first; ReleaseError if one does not fit."""
    out = []
    for sub in sorted(path for path in folder.iterdir() if path.is_dir()):
        match = VERSION.match(sub.name)
        if not match:
            raise ReleaseError(f"{sub}: de naam van de map is geen versie (verwacht v1.2.3 of 1.2.3)")
        path = sub / zip_name
        if not path.is_file():
            raise ReleaseError(f"{sub}: {zip_name} ontbreekt")
        version = _describe(path)
        if version.version != match.group(1):
            raise ReleaseError(f"{path}: datapackage.json zegt versie {version.version}, de map zegt {match.group(1)}")
        out.append((version, path))
    versions = [version.version for version, _ in out]
    if len(set(versions)) != len(versions):
        raise ReleaseError(f"{folder}: een versie staat er twee keer in")
    return sorted(out, key=lambda item: version_key(item[0].version), reverse=True)


def _describe(path: Path) -> Version:
    data = path.read_bytes()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            descriptor = json.loads(archive.read("datapackage.json"))
            unsafe = [name for name in archive.namelist() if not _inside(name)]
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReleaseError(f"{path}: geen datapakket ({error})") from error
    if unsafe:
        raise ReleaseError(f"{path}: onveilige bestandsnaam {unsafe[0]!r} (buiten de map van de versie)")
    version, created = str(descriptor.get("version", "")), str(descriptor.get("created", ""))
    if not VERSION.match(version) or not re.match(r"\d{4}-\d{2}-\d{2}", created):
        raise ReleaseError(f"{path}: datapackage.json noemt geen versie of datum")
    return Version(version, created[:10], path.name, len(data), hashlib.sha256(data).hexdigest(), True)


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def all_versions(releases: list[Version], current: Version) -> list[Version]:
    """Every version the site publishes, newest first: the releases, and the version being
    built unless it was released already."""
    versions = list(releases)
    if current.version not in {version.version for version in versions}:
        versions.append(current)
    return sorted(versions, key=lambda version: version_key(version.version), reverse=True)


def write_versions(data_dir: Path, current: Version, releases: list[tuple[Version, Path]]) -> None:
    """data/<version>/ for every release and for the version just written in data_dir."""
    zips = {version.version: path for version, path in releases}
    zips.setdefault(current.version, data_dir / current.zip_name)
    for version, path in sorted(zips.items()):
        _unpack(path, data_dir / version)


def _unpack(path: Path, target: Path) -> None:
    """The zip and every file in it, byte for byte, into target."""
    data = path.read_bytes()
    target.mkdir(parents=True, exist_ok=True)
    write_bytes(target / path.name, data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for entry in archive.infolist():  # names checked by _describe (releases) or written here
            if not entry.is_dir():
                (target / entry.filename).parent.mkdir(parents=True, exist_ok=True)
                write_bytes(target / entry.filename, archive.read(entry))


def _inside(name: str) -> bool:
    """A zip entry's name that stays inside the folder it is unpacked into."""
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name and ":" not in name


def released_sections(changelog: str) -> list[tuple[str, str, str]]:
    """(version, date, text) of every released section of CHANGELOG.md, newest first (as written)."""
    matches = list(RELEASE_HEADING.finditer(changelog))
    out = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(changelog)
        next_heading = re.search(r"^## ", changelog[match.end():end], re.MULTILINE)
        body_end = match.end() + next_heading.start() if next_heading else end
        out.append((match.group(1), match.group(2), changelog[match.end():body_end].strip()))
    return out
