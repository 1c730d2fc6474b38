"""The strict YAML loader: YAML 1.2 core semantics, refusals with positions."""

import pytest

from generator import load
from generator.load import MAX_BYTES, load_bytes, load_file, load_text


def codes(doc):
    return [(p.code, p.line, p.column) for p in doc.problems]


@pytest.mark.parametrize("text, expected", [
    ("a: NO\n", "NO"), ("a: yes\n", "yes"), ("a: off\n", "off"),
    ("a: 2014-02-01\n", "2014-02-01"), ("a: 2014-02\n", "2014-02"), ("a: 12:30\n", "12:30"),
    ("a: 012\n", 12), ("a: 0o17\n", 15), ("a: 0x1F\n", 31), ("a: 1e3\n", 1000.0),
    ("a: 1.5\n", 1.5), ("a: ~\n", None), ("a: null\n", None), ("a:\n", None),
    ("a: true\n", True), ("a: False\n", False), ("a: '12'\n", "12"), ("a: \"true\"\n", "true"),
    ("a: !!str 12\n", "12"), ("a: !!int 12\n", 12), ("a: 1_000\n", "1_000"),
])
def test_yaml_1_2_core_semantics(text, expected):
    assert load_text(text, "x.yaml").data == {"a": expected}


@pytest.mark.parametrize("text, code, line, column", [
    ("a: 1\na: 2\n", "yaml-duplicate-key", 2, 1),
    ("a: &x 1\nb: *x\n", "yaml-anchor", 1, 4),
    ("a: [1, 2]\nb: *x\n", "yaml-alias", 2, 4),
    ("a: !!python/object:os.system x\n", "yaml-tag", 1, 4),
    ("a: !!python/name:os.system\n", "yaml-tag", 1, 4),
    ("a: !custom x\n", "yaml-tag", 1, 4),
    ("a:\n\tb: 1\n", "yaml-tab", 2, 1),
    ("a: [1, 2\n", "yaml-syntax", 2, 1),
    ("- a\n- b\n", "top-not-mapping", 1, 1),
    ("just text\n", "top-not-mapping", 1, 1),
    ("", "top-not-mapping", 1, 1),
    ("? [a, b]\n: c\n", "yaml-complex-key", 1, 3),
])
def test_refusals_name_line_and_column(text, code, line, column):
    doc = load_text(text, "x.yaml")
    assert doc.data is None
    assert codes(doc) == [(code, line, column)]
    assert doc.problems[0].file == "x.yaml"


def test_not_utf8_is_refused_with_position():
    doc = load_bytes("a: ok\nb: caf".encode() + b"\xe9\n", "x.yaml")
    assert codes(doc) == [("file-not-utf8", 2, 7)]


def test_oversized_file_is_refused_before_parsing(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * MAX_BYTES + b"\n")
    doc = load_file(path)
    assert codes(doc) == [("file-too-large", 1, 1)]
    assert doc.text is None  # never read, never parsed


def test_missing_file_is_a_problem_not_an_exception(tmp_path):
    doc = load_file(tmp_path / "gone.yaml")
    assert [p.code for p in doc.problems] == ["file-unreadable"]


def test_utf8_bom_is_accepted():
    assert load_bytes(b"\xef\xbb\xbfa: 1\n", "x.yaml").data == {"a": 1}


def test_every_value_can_be_located():
    doc = load_text("a: 1\nb:\n  - x\n  - c: [1, 2]\n", "x.yaml")
    assert doc.position(("a",)) == (1, 4)
    assert doc.position(("b", 1, "c", 1)) == (4, 12)
    assert doc.position(("b", 1, "missing")) == (4, 5)  # falls back to the parent mapping


@pytest.mark.parametrize("text", [
    "a: ~\n", "a: \"~\"\n", "a: [1, ~]\n", "a: True\n", "a: 012\n", "a: *x\n", "a: !!str 1\n",
    "---\na: 1\n", "a: -.inf\n", "a: Null\n",
])
def test_fast_path_steps_aside_where_it_could_misread(text):
    assert load._fast_value(text) is None


def test_fast_path_agrees_with_the_libyaml_path_on_the_whole_catalogue():
    from generator.paths import CATALOG_DIR
    files = sorted(CATALOG_DIR.rglob("*.yaml"))
    taken = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast = load._fast_value(text)
        if fast is not None:
            taken += 1
            assert fast == load._load_slow(text, str(path)).data, path
    assert taken > len(files) / 2  # the fast path is really used


def test_absurd_nesting_is_a_problem_not_a_crash():
    doc = load_text("a: " + "[" * 5000 + "]" * 5000 + "\n", "x.yaml")
    assert codes(doc) == [("yaml-too-deep", 1, 4)]
