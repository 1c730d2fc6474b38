"""Command line: a thin layer over the library.

Each command returns an exit code; `main` is the one place that turns
outcomes into exit codes: 0 fine, 1 problems in the data or another mistake
the user can fix (`SiteError`), 2 usage error, 3 a bug in the generator.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from generator import paths
from generator.catalog import check, codelists, report
from generator.opendata.versions import ReleaseError
from generator.website.site import SiteError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3


class UsageError(Exception):
    """Bad arguments that argparse cannot see (e.g. a path that does not exist)."""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)  # exits 2 on a usage error
    _project_defaults(args)
    try:
        return args.run(args)
    except UsageError as err:
        parser.error(str(err))
    except (SiteError, ReleaseError) as err:  # mkdocs.yml, a page in site/docs/, a release folder
        print(f"De website is niet gebouwd; er is niets veranderd.\n{err}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # a bug, not bad input: say so briefly
        if os.environ.get("GENERATOR_DEBUG"):
            traceback.print_exc()
        print(f"Interne fout in de generator: {type(err).__name__}: {err}\n"
              "Meld dit als issue (zet GENERATOR_DEBUG=1 voor details).", file=sys.stderr)
        return EXIT_BUG
    return EXIT_USAGE  # pragma: no cover - parser.error exits


def _project_defaults(args) -> None:
    """Folders not named on the command line are those of the project around the current folder."""
    args.project = paths.project_dir()
    for name, folder in (("catalog", paths.CATALOG), ("out", paths.OUTPUT)):
        if getattr(args, name, "") is None:
            setattr(args, name, args.project / folder)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check records and report every problem")
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                          help="files or folders to report on (default: the whole catalogue)")
    validate.add_argument("--format", choices=sorted(report.REPORTERS), default="text")
    validate.add_argument("--lang", choices=("nl", "en"), default="nl")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument("--catalog", type=Path, help=argparse.SUPPRESS)
    validate.set_defaults(run=run_validate)

    build = commands.add_parser("build", help="check, then build the site and the data packages")
    build.add_argument("--out", type=Path, help="output folder (default: public/ beside catalog/)")
    build.add_argument("--catalog", type=Path, help=argparse.SUPPRESS)
    build.add_argument("--data-only", action="store_true", help="only the data packages, no website")
    build.add_argument("--releases", type=Path, metavar="DIR", help="earlier releases' zips "
                       "(DIR/v1.2.3/<name>.zip), published unchanged at data/<version>/")
    build.add_argument("--format", choices=sorted(report.REPORTERS), default="text")
    build.add_argument("--lang", choices=("nl", "en"), default="nl")
    build.set_defaults(run=run_build)

    schema = commands.add_parser("schema", help="regenerate schema/codes.schema.json from the codelists")
    schema.add_argument("--check", action="store_true", help="only check that it is up to date")
    schema.set_defaults(run=run_schema)

    new = commands.add_parser("new", help="write catalog/practices/<id>.yaml from the commented template")
    new.add_argument("id", help="the new practice's id: lower-case letters, digits and hyphens")
    new.add_argument("--title", help="the practice's title")
    new.add_argument("--place", action="append", default=[], help="a place code such as GM0983 (repeatable)")
    new.add_argument("--theme", action="append", default=[], help="a code from the theme codelist (repeatable)")
    new.add_argument("--catalog", type=Path, help=argparse.SUPPRESS)
    new.set_defaults(run=run_new)

    diff = commands.add_parser("diff", help="list records and figures added, changed or withdrawn since a git ref")
    diff.add_argument("base", help="git ref of the older version, e.g. main or v0.1.0")
    diff.add_argument("head", nargs="?", help="git ref of the newer version (default: the working tree)")
    diff.add_argument("--format", choices=("text", "markdown"), default="text",
                      help="markdown: for the data changelog and pull-request comments")
    diff.set_defaults(run=run_diff)
    quotes = commands.add_parser("quotes", help="compare figures and texts with the texts of their sources")
    quotes.add_argument("--texts", type=Path, required=True, metavar="DIR",
                        help="folder with one plain-text file per source: DIR/<source-id>.txt")
    quotes.add_argument("--format", choices=sorted(report.REPORTERS), default="text")
    quotes.add_argument("--lang", choices=("nl", "en"), default="nl")
    quotes.add_argument("--catalog", type=Path, help=argparse.SUPPRESS)
    quotes.set_defaults(run=run_quotes)
    return parser


def run_validate(args) -> int:
    selected = _expand(args.paths)
    result = check.check_catalog(args.catalog, paths.SCHEMA_DIR, extra=selected)
    problems, files = result.problems, result.files
    if selected:
        shown = {check.display(p) for p in selected}
        problems = [p for p in problems if p.file in shown]
        files = sorted(shown)
    sys.stdout.write(report.REPORTERS[args.format](problems, len(files), args.lang))
    failing = {"error", "warning"} if args.strict else {"error"}
    return EXIT_PROBLEMS if any(p.severity in failing for p in problems) else EXIT_OK


def run_build(args) -> int:
    from generator.build import build  # keeps validate free of the heavier imports

    def say_waiting() -> None:
        print(f"Er loopt al een build naar {args.out}; deze wacht tot die klaar is.", file=sys.stderr)

    if args.releases is not None and not args.releases.is_dir():
        raise UsageError(f"--releases {args.releases}: geen map")
    result = build(args.out, catalog_dir=args.catalog, site=not args.data_only, on_wait=say_waiting,
                   releases=args.releases)
    if result.has_errors:
        sys.stdout.write(report.REPORTERS[args.format](result.problems, len(result.files), args.lang))
        print("Niets gebouwd: herstel eerst de fouten hierboven.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Gebouwd in {args.out}.")
    return EXIT_OK


def run_new(args) -> int:
    from generator.tools import new

    try:
        path = new.write(args.id, title=args.title, places=args.place, themes=args.theme,
                         catalog_dir=args.catalog)
    except new.NewRecordError as err:
        raise UsageError(str(err)) from err
    shown = check.display(path)
    print(f"Geschreven: {shown}\nVul de velden in die de controle noemt:\n"
          f"  python -m generator validate {shown}")
    return EXIT_OK


def run_diff(args) -> int:
    from generator.tools import diff
    from generator.tools.git_catalog import GitError

    try:
        result = diff.diff_catalog(args.project, args.base, args.head, paths.CATALOG)
    except GitError as err:
        raise UsageError(str(err)) from err
    sys.stdout.write(diff.RENDERERS[args.format](result))
    return EXIT_OK


def run_quotes(args) -> int:
    from generator.tools import quotes

    if not args.texts.is_dir():
        raise UsageError(f"map bestaat niet: {args.texts}")
    result = quotes.check_quotes(args.texts, args.catalog, paths.SCHEMA_DIR)
    sys.stdout.write(report.REPORTERS[args.format](result.problems, result.files, args.lang))
    if args.format == "text":
        sys.stdout.write(quotes.summary(result, args.lang) + "\n")
    return EXIT_PROBLEMS if result.has_errors else EXIT_OK


def _expand(given: list[Path]) -> list[Path]:
    files = []
    for path in given:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml"))
        elif path.exists():
            files.append(path)
        else:
            raise UsageError(f"bestand of map bestaat niet: {path}")
    return files


def run_schema(args) -> int:
    target = paths.SCHEMA_DIR / "codes.schema.json"
    wanted = codelists.render_codes_schema(codelists.read_codelists(paths.CODELIST_DIR))
    current = target.read_text(encoding="utf-8") if target.exists() else ""
    if args.check:
        if current != wanted:
            print(f"{target} is verouderd; draai 'python -m generator schema'.", file=sys.stderr)
            return EXIT_PROBLEMS
        return EXIT_OK
    if current != wanted:
        target.write_text(wanted, encoding="utf-8")
        print(f"{target} bijgewerkt.")
    return EXIT_OK
