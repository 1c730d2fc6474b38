"""The libyaml path: the authority on every file the fast path does not
trust, and the one that explains refusals with a line and column."""

from __future__ import annotations

import yaml

from .document import BaseLoader, ComposeLoader, Document, failed
from .problems import Problem
from .yaml_fast import has_marker, within_depth
from .yaml_limits import MAX_DEPTH
from .yaml_scalars import NodeError, value_of


def load_slow(text: str, name: str) -> Document:
    try:
        doc = _compose_and_convert(text, name)
    except RecursionError:  # nesting deeper than Python's stack (libyaml without a limit)
        return _too_deep(name, text)
    if doc.data is not None and not within_depth(doc.data, MAX_DEPTH - 1):
        return _too_deep(name, text)
    return doc


def _too_deep(name: str, text: str) -> Document:
    line, col = _nesting_start(text) or (1, 1)  # (1, 1): never seen, RecursionError is deeper
    return failed(name, "yaml-too-deep", line, col, text=text, limit=MAX_DEPTH)


def _nesting_start(text: str) -> tuple[int, int] | None:
    """Where nesting deeper than MAX_DEPTH starts, or None when there is none.

    Walks libyaml's events (a loop, no recursion) with a stack of open
    collections. The deep chain is reported at its outermost collection:
    walking out from the innermost, each collection that is the first child
    of its parent (a sequence's first item, a mapping's first value) belongs
    to the chain. The top level is the record itself, never the start.
    """
    stack = []  # per open collection: [start mark, first child of its parent?, children, mapping?]
    try:
        for event in yaml.parse(text, Loader=BaseLoader):
            if isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
            elif isinstance(event, yaml.NodeEvent):
                first = _count_child(stack)
                if isinstance(event, yaml.CollectionStartEvent):
                    stack.append([event.start_mark, first, 0, isinstance(event, yaml.MappingStartEvent)])
                    if len(stack) > MAX_DEPTH:
                        return _chain_start(stack)
    except yaml.YAMLError:  # a syntax error before the nesting got too deep
        return None
    return None


def _count_child(stack) -> bool:
    """Count a new child of the innermost open collection; True when it is the first."""
    if not stack:
        return False
    parent = stack[-1]
    parent[2] += 1
    return parent[2] == (2 if parent[3] else 1)  # a mapping's first value follows its first key


def _chain_start(stack) -> tuple[int, int]:
    at = len(stack) - 1
    while at > 1 and stack[at][1]:
        at -= 1
    mark = stack[at][0]
    return mark.line + 1, mark.column + 1


def _compose_and_convert(text: str, name: str) -> Document:
    if has_marker(text, "&*", text):  # not for 'R&D' or '**bold**': a second pass costs
        anchor = _find_anchor(text)
        if anchor is not None:
            return failed(name, anchor[0], anchor[1], anchor[2], text=text)
    try:
        root = yaml.compose(text, Loader=ComposeLoader)
    except yaml.MarkedYAMLError as err:
        # libyaml stops at nesting depth 1000 with a scanner error, raised
        # while it reads ahead; the events of the text before that point
        # show whether nesting deeper than ours came first.
        mark = err.problem_mark or err.context_mark
        start = _nesting_start(text[:mark.index])
        if start is not None:
            return failed(name, "yaml-too-deep", *start, text=text, limit=MAX_DEPTH)
        code, line, col, *params = _syntax_problem(err, text)
        return failed(name, code, line, col, text=text, **(params[0] if params else {}))
    except yaml.YAMLError as err:  # pragma: no cover - the reader's refusals are caught before
        line, col = _offset_position(text, getattr(err, "position", 0))
        return failed(name, "yaml-syntax", line, col, text=text, detail=str(err))
    if root is None or not isinstance(root, yaml.MappingNode):
        line, col = (root.start_mark.line + 1, root.start_mark.column + 1) if root else (1, 1)
        return failed(name, "top-not-mapping", line, col, text=text)
    try:
        data = value_of(root)
    except NodeError as err:  # path_to recurses as deep as value_of: a RecursionError goes up
        path = path_to(root, err.node) or ()
        return Document(name, None, [_problem(err.code, name, err.node, path, **err.params)], text)
    return Document(name, data, [], text)


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _find_anchor(text: str):
    """First anchor or alias event, or None; only run when the text may hold one."""
    try:
        for event in yaml.parse(text, Loader=BaseLoader):
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                code = "yaml-alias" if isinstance(event, yaml.AliasEvent) else "yaml-anchor"
                return code, event.start_mark.line + 1, event.start_mark.column + 1
    except yaml.YAMLError:
        return None  # the composer reports the syntax error with its position
    return None


def _syntax_problem(err: yaml.MarkedYAMLError, text: str):
    mark = err.problem_mark or err.context_mark
    line, col = mark.line + 1, mark.column + 1
    if "\t" in (err.problem or "") or _char_at(text, mark) == "\t":
        return "yaml-tab", line, col
    escape = _escape_at(text, mark)
    if escape:  # a lone surrogate (\ud800), a code past U+10FFFF, an unknown escape
        start, sequence = escape
        return "yaml-escape", line, start + 1, {"escape": sequence}
    if err.context == "while scanning a simple key" and err.context_mark is not None:
        # libyaml reads a line without ':' on to the next line and stops there: the wrong line is the first
        return "yaml-indent", err.context_mark.line + 1, err.context_mark.column + 1
    if err.problem in _INDENT_PROBLEMS and ": " not in _row(text, mark.line)[:mark.column]:
        return "yaml-indent", line, _first_character(text, mark.line)
    return "yaml-syntax", line, col


# libyaml's words for a line at the wrong depth (more or less indented than its neighbours).
_INDENT_PROBLEMS = ("mapping values are not allowed in this context", "did not find expected key",
                    "did not find expected '-' indicator")


def _row(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line] if line < len(lines) else ""


def _first_character(text: str, line: int) -> int:
    row = _row(text, line)
    return len(row) - len(row.lstrip(" ")) + 1


_ESCAPE_LENGTH = {"x": 4, "u": 6, "U": 10}


def _escape_at(text: str, mark) -> tuple[int, str] | None:
    """(column, sequence) of the escape libyaml stopped at, or None. It
    marks the backslash, or the hex digits after \\x, \\u or \\U."""
    line = text.split("\n")[mark.line] if mark.line < text.count("\n") + 1 else ""
    for start in (mark.column, mark.column - 2):
        if 0 <= start < len(line) and line[start] == "\\":
            kind = line[start + 1:start + 2]
            if start == mark.column or kind in _ESCAPE_LENGTH:
                return start, line[start:start + _ESCAPE_LENGTH.get(kind, 2)]
    return None


def _char_at(text: str, mark) -> str:
    lines = text.split("\n")
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""


def path_to(root, target, path=()):
    """Data path of a node inside the tree (only used to report a problem)."""
    if root is target:
        return path
    if isinstance(root, yaml.MappingNode):
        for key_node, value_node in root.value:
            if key_node is target:
                return path + (key_node.value,)
            found = path_to(value_node, target, path + (key_node.value,))
            if found is not None:
                return found
    elif isinstance(root, yaml.SequenceNode):
        for i, item in enumerate(root.value):
            found = path_to(item, target, path + (i,))
            if found is not None:
                return found
    return None


def _problem(code: str, name: str, node, path: tuple, **params) -> Problem:
    if "tag" in params:  # show tags as they are written: !!python/object, not the long form
        params["tag"] = params["tag"].replace("tag:yaml.org,2002:", "!!")
    mark = node.start_mark
    return Problem(code=code, file=name, line=mark.line + 1, column=mark.column + 1,
                   path=path, params=params)
