"""The release: generator.tools.release (tag, dataset.yaml, CHANGELOG.md and CITATION.cff
agree), and the metadata Zenodo and citation tools read (.zenodo.json, CITATION.cff's
preferred-citation) in step with catalog/dataset.yaml."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from generator.opendata.descriptor import keywords
from generator.paths import ROOT
from generator.tools import release

DATASET = yaml.safe_load((ROOT / "catalog" / "dataset.yaml").read_text(encoding="utf-8"))
TAG = f"v{DATASET['version']}"


@pytest.fixture
def project(tmp_path):
    """A copy of the files a release check reads."""
    (tmp_path / "catalog").mkdir()
    shutil.copyfile(ROOT / "catalog" / "dataset.yaml", tmp_path / "catalog" / "dataset.yaml")
    for name in ("CHANGELOG.md", "CITATION.cff"):
        shutil.copyfile(ROOT / name, tmp_path / name)
    return tmp_path


def test_the_repository_is_ready_for_its_current_version(capsys):
    assert release.check(TAG, ROOT) == []
    assert release.main(["check", TAG]) == 0 and "in de pas" in capsys.readouterr().out


@pytest.mark.parametrize("tag", ["0.1.0", "v0.1", "v0.1.0-rc1", "version-1"])
def test_a_tag_that_is_no_version_is_refused(tag):
    (problem,) = release.check(tag, ROOT)
    assert "geen versie-tag" in problem


def test_a_tag_for_another_version_names_every_file_out_of_step(project):
    problems = release.check("v9.9.9", project)
    assert [p.split(":")[0] for p in problems] == ["catalog/dataset.yaml", "CHANGELOG.md",
                                                   "CITATION.cff", "CITATION.cff"]


def test_a_version_raised_without_its_changelog_section_is_refused(project):
    path = project / "catalog" / "dataset.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"version: {DATASET['version']}", "version: 9.9.9"),
                    encoding="utf-8")
    citation = project / "CITATION.cff"
    citation.write_text(citation.read_text(encoding="utf-8").replace(f"version: {DATASET['version']}",
                                                                     "version: 9.9.9"), encoding="utf-8")
    (problem,) = release.check("v9.9.9", project)
    assert problem.startswith("CHANGELOG.md: bovenste uitgebrachte versie is")


def test_release_notes_are_the_versions_changelog_section(capsys):
    assert release.main(["notes", TAG]) == 0
    out = capsys.readouterr().out
    assert "### Added" in out and "## [" not in out and "Unreleased" not in out
    with pytest.raises(LookupError):
        release.notes("v9.9.9", ROOT)


def test_released_sections_newest_first_without_unreleased():
    text = "# Log\n\n## [Unreleased]\n\nsoon\n\n## [1.1.0] - 2027-01-02\n\nnew\n\n## [1.0.0] - 2026-01-01\n\nold\n"
    assert release.released_sections(text) == [("1.1.0", "2027-01-02", "new"), ("1.0.0", "2026-01-01", "old")]


def test_usage_errors_exit_2():
    assert release.main([]) == 2 and release.main(["publish", TAG]) == 2


def test_zenodo_metadata_is_in_step_with_the_dataset():
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    assert zenodo["upload_type"] == "dataset" and zenodo["access_right"] == "open"
    assert zenodo["title"] == DATASET["title"]["nl"]
    assert zenodo["license"] == DATASET["license"].lower()
    assert zenodo["creators"] == [{"name": c["name"]} for c in DATASET["contributors"] if "creator" in c["roles"]]
    assert zenodo["keywords"] == keywords(DATASET)
    for lang in ("nl", "en"):
        assert DATASET["description"][lang] in zenodo["description"]
    # Zenodo takes the version from the release's tag: nothing to raise here on a release
    assert "version" not in zenodo


def test_preferred_citation_is_the_dataset_at_its_version():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    preferred = citation["preferred-citation"]
    assert preferred["type"] == "data" and preferred["title"] == DATASET["title"]["nl"]
    assert (preferred["version"], preferred["date-released"]) == (DATASET["version"], DATASET["released"])
    assert preferred["year"] == int(DATASET["released"][:4]) and preferred["url"] == DATASET["homepage"]
    assert preferred["authors"] == citation["authors"] == [{"name": c["name"]} for c in DATASET["contributors"]
                                                           if "creator" in c["roles"]]
    assert preferred["license"] == DATASET["license"]
