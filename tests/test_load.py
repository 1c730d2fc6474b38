"""The strict YAML loader: YAML 1.2 core semantics, refusals with positions."""

import pytest

from generator.catalog import yaml_fast, yaml_limits, yaml_slow
from generator.catalog.load import MAX_BYTES, load_bytes, load_file, load_text


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
    assert yaml_fast.fast_value(text) is None


def test_fast_path_agrees_with_the_libyaml_path_on_the_whole_catalogue():
    from generator.paths import CATALOG_DIR
    files = sorted(CATALOG_DIR.rglob("*.yaml"))
    taken = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast = yaml_fast.fast_value(text)
        if fast is not None:
            taken += 1
            assert fast == yaml_slow.load_slow(text, str(path)).data, path
    assert taken > len(files) / 2  # the fast path is really used


# ---- refusals that used to crash or stall the checker (issue 10) -------------------------


@pytest.mark.parametrize("text, line, column, char", [
    ("a: x\x7fy\n", 1, 5, "U+007F"),
    ("a: 1\nb: x\x00\n", 2, 5, "U+0000"),
    ("a: 1\n# note \x0c\n", 2, 8, "U+000C"),  # in a comment, which rapidyaml skips
    ("a: 'x\x80'\n", 1, 6, "U+0080"),
    ("a: \"caf\u00e9 \ufffe\"\n", 1, 10, "U+FFFE"),
    ("a: x\ud800\n", 1, 5, "U+D800"),  # a lone surrogate in a str handed in
])
def test_control_characters_are_refused_where_they_stand(text, line, column, char):
    doc = load_text(text, "x.yaml")
    assert codes(doc) == [("file-control-char", line, column)]
    assert doc.problems[0].params["char"] == char


def test_control_characters_in_bytes_are_located_by_character_not_byte():
    doc = load_bytes("a: één\nb: ë\x7f\n".encode(), "x.yaml")
    assert codes(doc) == [("file-control-char", 2, 5)]


@pytest.mark.parametrize("text", [
    'a: "\\ud800"\n', 'a: "x\\udc00y"\n', 'a: "\\U0000d800"\n', 'a: "\\q"\n',
    "a: @x\n", "a: `x`\n", "a: ]\n", "a: }\n", "a: 1\n: b\n", "a:\n  - : a\n", "a: {: b}\n",
    "a: b\x85c\n", "a: b\u2028c\n", "a: b\rc\n",
    "k" * 1100 + ": 1\n", "k" + " " * 1100 + ": 1\n", "k" * 600 + " " * 500 + ": 1\n",
])
def test_fast_path_steps_aside_where_libyaml_refuses(text):
    assert yaml_fast.fast_value(text) is None
    doc = load_text(text, "x.yaml")
    assert doc.data is None and doc.problems[0].line and doc.problems[0].column


@pytest.mark.parametrize("text, column, escape", [
    ('a: "x\\ud800y"\n', 6, "\\ud800"), ('a: "\\udc00"\n', 5, "\\udc00"),
    ('a: "\\ud83d\\ude00"\n', 5, "\\ud83d"), ('a: "x\\U00110000"\n', 6, "\\U00110000"),
    ('a: "x\\qy"\n', 6, "\\q"), ('a: "x\\xZZ"\n', 6, "\\xZZ"),
])
def test_escapes_of_no_character_are_named_with_their_position(text, column, escape):
    doc = load_text(text, "x.yaml")
    assert codes(doc) == [("yaml-escape", 1, column)]
    assert doc.problems[0].params["escape"] == escape


@pytest.mark.parametrize("text", ["a: 1\r\nb: [x, y]\r\n", 'a: "tab\\there"\n', "a: x@y\n", "a: [b ]\n"])
def test_what_the_fast_path_leaves_the_libyaml_path_reads(text):
    assert yaml_fast.fast_value(text) is None
    assert load_text(text, "x.yaml").problems == []


@pytest.mark.parametrize("text, line, column", [
    ("a: " + "9" * 5000 + "\n", 1, 4),
    ("a: [1, -" + "9" * 4400 + "]\n", 1, 8),
    ("a: 0x" + "f" * 4000 + "\n", 1, 4),
    ("a: 0o" + "7" * 20 + "\n", 1, 4),
    ("a: 9007199254740992\n", 1, 4),
    ("a: -9007199254740992\n", 1, 4),
    ("a: 1e400\n", 1, 4),
    ("b: 1\na: !!int " + "9" * 5000 + "\n", 2, 4),
])
def test_numbers_too_large_to_keep_are_a_problem(text, line, column):
    doc = load_text(text, "x.yaml")
    assert codes(doc) == [("number-too-large", line, column)]
    assert len(doc.problems[0].params["value"]) < 40  # shortened for the message


@pytest.mark.parametrize("text", ["a: .inf\n", "a: -.Inf\n", "a: .nan\n", "a: [1, .NAN]\n"])
def test_infinity_and_not_a_number_are_a_problem(text):
    assert [p.code for p in load_text(text, "x.yaml").problems] == ["number-not-finite"]


def test_largest_exact_integer_is_kept():
    assert load_text("a: 9007199254740991\nb: -9007199254740991\n", "x.yaml").data == {
        "a": 2**53 - 1, "b": -(2**53 - 1)}


def test_fast_path_leaves_big_numbers_to_the_libyaml_path():
    assert yaml_fast.fast_value("a: 12345678901234567\n") is None
    assert yaml_fast.fast_value("a: 1e400\n") is None
    assert yaml_fast.fast_value("a: 1234567890123456\n") == {"a": 1234567890123456}


def _nest(depth: int) -> str:
    """A record whose field 'deep' holds lists nested so that the file is `depth` levels deep."""
    return "id: x\ndeep: " + "[" * (depth - 1) + "1" + "]" * (depth - 1) + "\n"


def test_nesting_up_to_the_limit_is_read():
    assert load_text(_nest(yaml_limits.MAX_DEPTH), "x.yaml").problems == []


@pytest.mark.parametrize("text, line, column", [
    (_nest(yaml_limits.MAX_DEPTH + 1), 2, 7),
    ("a: " + "[" * 5000 + "]" * 5000 + "\n", 1, 4),  # past libyaml's own limit of 1000
    ("a: " + "[" * 5000 + "\n", 1, 4),  # never closed: still the nesting, not the syntax
    ("a: 1\nb: " + "{a: " * 2000 + "x" + "}" * 2000 + "\n", 2, 4),
    ("a: 1\nb:\n" + "".join("  " * i + "- k:\n" for i in range(1, 1100)), 3, 3),
    ("a:\n" + "".join("  " * i + "a:\n" for i in range(1, 1100)) + "  " * 1100 + "b: 1\n", 2, 3),
    ("a: [1, 2, [3, " + "[" * 40 + "]" * 40 + "]]\n", 1, 15),
])
def test_absurd_nesting_is_reported_where_it_starts(text, line, column):
    doc = load_text(text, "x.yaml")
    assert codes(doc) == [("yaml-too-deep", line, column)]


def test_absurd_nesting_is_a_problem_on_both_paths():
    text = _nest(yaml_limits.MAX_DEPTH + 1)
    assert yaml_fast.fast_value(text) is None
    assert codes(yaml_slow.load_slow(text, "x.yaml")) == [("yaml-too-deep", 2, 7)]


def test_symlink_is_refused_and_never_read(tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: secret\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(outside)
    doc = load_file(link)
    assert codes(doc) == [("file-symlink", 1, 1)]
    assert doc.data is None and doc.text is None
    assert doc.problems[0].params["target"] == str(outside)


def test_dangling_symlink_is_refused_as_a_link(tmp_path):
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "gone.yaml")
    assert codes(load_file(link)) == [("file-symlink", 1, 1)]


def test_pipe_and_folder_are_refused_without_waiting_or_reading(tmp_path):
    import os
    os.mkfifo(tmp_path / "pipe.yaml")  # opening it for reading would wait for a writer
    (tmp_path / "folder.yaml").mkdir()
    assert codes(load_file(tmp_path / "pipe.yaml")) == [("file-not-regular", 1, 1)]
    assert codes(load_file(tmp_path / "folder.yaml")) == [("file-not-regular", 1, 1)]


def test_file_of_exactly_the_limit_is_read_whole(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * (MAX_BYTES - 4) + b"\n")
    assert load_file(path).data == {"a": "x" * (MAX_BYTES - 4)}


def test_unreadable_file_has_a_position(tmp_path):
    assert codes(load_file(tmp_path / "gone.yaml")) == [("file-unreadable", 1, 1)]


def test_positions_in_a_mapping_of_many_keys():
    doc = load_text("".join(f"k{i}: {i}\n" for i in range(20000)), "x.yaml")
    assert doc.position(("k19999",)) == (20000, 9)
    assert doc.position(("k0",)) == (1, 5)
