"""The validate command as a contributor and CI use it: exit codes and formats."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path("tests") / "example-files"
BAD = EXAMPLES / "negative" / "practices" / "unknown-theme.yaml"
WARN = EXAMPLES / "negative" / "practices" / "long-summary.yaml"
GOOD = EXAMPLES / "positive"


def run(*args, cwd=ROOT):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("GENERATOR_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_valid_files_exit_0():
    result = run("validate", str(GOOD))
    assert result.returncode == 0, result.stdout
    assert "geen problemen" in result.stdout


def test_errors_exit_1_with_file_line_column_field_and_fix():
    result = run("validate", str(BAD))
    assert result.returncode == 1
    assert str(BAD) in result.stdout
    assert "10:10" in result.stdout and "themes[0]" in result.stdout
    assert "'reintegratie' staat niet in de codelijst theme" in result.stdout
    assert "bedoelt u 'reintegration'" in result.stdout


def test_warnings_pass_unless_strict():
    assert run("validate", str(WARN)).returncode == 0
    assert run("validate", "--strict", str(WARN)).returncode == 1


def test_one_run_shows_all_problems_of_all_files():
    result = run("validate", "--format", "json", str(EXAMPLES / "negative"))
    problems = json.loads(result.stdout)
    files = {p["file"] for p in problems}
    assert result.returncode == 1
    assert len(files) == len(list((ROOT / EXAMPLES / "negative").rglob("*.yaml")))


def test_json_format_lists_problem_objects():
    problems = json.loads(run("validate", "--format", "json", str(BAD)).stdout)
    assert problems == [{
        "severity": "error", "code": "unknown-code", "file": str(BAD), "line": 10, "column": 10,
        "field": "themes[0]", "message": "'reintegratie' staat niet in de codelijst theme.",
        "hint": "Kies een code uit schema/codelists/theme.csv (bedoelt u 'reintegration'?).",
    }]


def test_english_messages():
    result = run("validate", "--lang", "en", str(BAD))
    assert "is not in the codelist theme" in result.stdout
    assert "did you mean 'reintegration'" in result.stdout


def test_github_format_annotates_then_reports():
    result = run("validate", "--format", "github", str(BAD))
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"::error file={BAD},line=10,col=10,title=unknown-code themes[0]::")
    assert "oplossing" in first
    assert "1 fout en 0 waarschuwingen" in result.stdout


@pytest.mark.parametrize("args", [["validate", "--format", "xml"], ["frobnicate"], [],
                                  ["validate", "bestaat/niet.yaml"]])
def test_usage_errors_exit_2(args):
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_garbage_input_never_gives_a_traceback(tmp_path):
    odd = tmp_path / "practices"
    odd.mkdir()
    (odd / "binary.yaml").write_bytes(bytes(range(256)) * 4)
    (odd / "deep.yaml").write_text("a: " + "[" * 2000 + "]" * 2000 + "\n")
    (odd / "numbers.yaml").write_text("id: 12\ntitle: 3\nsummary: [1]\nplaces: {a: b}\nmetrics: 5\n")
    result = run("validate", str(odd))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    for name in ("binary.yaml", "deep.yaml", "numbers.yaml"):
        assert name in result.stdout


def test_schema_command_reports_codes_schema_up_to_date():
    assert run("schema", "--check").returncode == 0


def test_build_refuses_a_releases_folder_that_does_not_fit_and_builds_nothing(tmp_path):
    (tmp_path / "releases" / "latest").mkdir(parents=True)
    result = run("build", "--out", str(tmp_path / "out"), "--releases", str(tmp_path / "releases"))
    assert result.returncode == 1, result.stderr
    assert "niet gebouwd" in result.stderr and "geen versie" in result.stderr
    assert not (tmp_path / "out").exists()
    missing = run("build", "--out", str(tmp_path / "out"), "--releases", str(tmp_path / "nothing"))
    assert missing.returncode == 2 and "geen map" in missing.stderr
