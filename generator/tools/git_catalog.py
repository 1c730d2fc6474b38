"""The catalogue's record files at a git revision or in the working tree, and
the records in them (read with the project's own loader, never raising)."""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

from generator.catalog.kinds import FILE_KINDS, KINDS, kind_of_path
from generator.catalog.load import load_bytes


class GitError(Exception):
    """git could not give the catalogue at a ref (unknown ref, not a repository)."""


def files_at(repo: Path, ref: str, catalog: str = "catalog") -> dict[str, bytes]:
    """{repo-relative path: content} of the catalogue files at a commit."""
    if ref.startswith("-"):
        raise GitError(f"'{ref}' is not a git ref")
    commit = _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", what=ref).decode().strip()
    listing = _git(repo, "ls-tree", "-r", "-z", commit, "--", f"{catalog}/", what=ref)
    blobs = {}
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, path = entry.decode("utf-8", "surrogateescape").partition("\t")
        _mode, kind, oid = meta.split()
        if kind == "blob" and _is_catalog_file(path, catalog):
            blobs[path] = oid
    contents = _cat_blobs(repo, list(blobs.values()))
    return {path: contents[oid] for path, oid in sorted(blobs.items())}


def files_in_worktree(repo: Path, catalog: str = "catalog") -> dict[str, bytes]:
    root = Path(repo)
    found = {}
    for path in sorted((root / catalog).rglob("*.yaml")):
        relative = path.relative_to(root).as_posix()
        if _is_catalog_file(relative, catalog):
            found[relative] = path.read_bytes()
    return found


def _is_catalog_file(path: str, catalog: str) -> bool:
    kind = kind_of_path(PurePosixPath(path).relative_to(catalog).parts)
    return kind is not None and kind != "dataset"


def _git(repo: Path, *args: str, what: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    except OSError as err:
        raise GitError(f"git cannot be run: {err}") from err
    if done.returncode != 0:
        detail = done.stderr.decode(errors="replace").strip().splitlines()
        raise GitError(f"git cannot read '{what}'" + (f": {detail[-1]}" if detail else " (unknown ref?)"))
    return done.stdout


def _cat_blobs(repo: Path, oids: list[str]) -> dict[str, bytes]:
    """Every blob in one `git cat-file --batch` run instead of one `git show` per file."""
    if not oids:
        return {}
    out = subprocess.run(["git", "-C", str(repo), "cat-file", "--batch"], input="\n".join(oids).encode() + b"\n",
                         capture_output=True, check=True).stdout
    contents, pos = {}, 0
    for oid in oids:
        header_end = out.index(b"\n", pos)
        got_oid, _kind, size = out[pos:header_end].decode().split()
        start = header_end + 1
        contents[got_oid] = out[start:start + int(size)]
        pos = start + int(size) + 1  # the content is followed by a newline
    return contents


def records(files: dict[str, bytes], catalog: str = "catalog") -> tuple[dict[str, dict], list[str]]:
    """{kind: {id: record}} and the paths the loader could not read."""
    found = {kind: {} for kind in KINDS}
    unreadable = []
    for path, raw in files.items():
        data = load_bytes(raw, path).data
        if data is None:
            unreadable.append(path)
            continue
        parts = PurePosixPath(path).relative_to(catalog).parts
        file_kind = FILE_KINDS[kind_of_path(parts)]
        if file_kind.list_key is None:  # one record per file: the file name is its identity in the repository
            found[file_kind.record][PurePosixPath(parts[1]).stem] = data
            continue
        items = data.get(file_kind.list_key)
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                found[file_kind.record][item["id"]] = item
    return found, unreadable
