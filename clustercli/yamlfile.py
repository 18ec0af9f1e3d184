"""Reading YAML (and JSON) files strictly, remembering where each value stood.

PyYAML's safe loader is lenient where a question set must not be: a duplicate key silently keeps
the last value, `no` becomes False, an alias can expand into a billion-laughs bomb, and a bad date
raises a bare ValueError. This loader:

- rejects duplicate mapping keys, naming both lines;
- rejects aliases (`*name`): a question set never needs them, and refusing them is the simplest
  cure for exponential expansion (use a set-level `scales:` entry for repeated labels);
- parses with libyaml's C parser where PyYAML has it (15 times faster on the shipped set, which
  is most of the time to the first question), else with the pure-Python one;
- reads only `true`/`false` as booleans (YAML 1.2), so `key: no` is the text "no";
- keeps dates as text (a version "2001-02-30" is a fine version string);
- returns dicts that know the line of each key, so a schema error can name a line.

Every failure is a YamlError with file, line and column; nothing else escapes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from clustercli.errors import Problem
from clustercli.inputfile import InputFileError, read_limited

MAX_BYTES = 2_000_000  # a question set is tens of kilobytes; refuse anything absurd


class YamlError(Exception):
    def __init__(self, key: str, file: str, line: int | None = None,
                 column: int | None = None, **params: Any) -> None:
        super().__init__(f"{file}:{line}:{column}: {key} {params}")
        self.key = key
        self.file = file
        self.line = line
        self.column = column
        self.params = params
        self.also: list[YamlError] = []  # further problems of the same kind (duplicate keys)

    def problems(self) -> list[Problem]:
        """This error and the ones found with it, as located Problems."""
        return [Problem(e.key, e.params, file=e.file, line=e.line, column=e.column)
                for e in (self, *self.also)]


class LocatedDict(dict[Any, Any]):
    """A mapping from the file, with the line (1-based) of itself and of each key."""

    line: int | None = None
    key_lines: dict[Any, int]


class LocatedList(list[Any]):
    line: int | None = None


# _Strict is put on a SafeLoader (the C or the pure-Python one, see _strict_loader): to a type
# checker it is one.
if TYPE_CHECKING:
    _OnALoader = yaml.SafeLoader
else:
    _OnALoader = object


class _Strict(_OnALoader):
    """What both parsers share: our constructor rules, on top of SafeLoader's."""

    duplicates: list[_DuplicateKey]  # the repeated keys found, set before each parse

    def get_single_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        _reject_aliases(node)
        return self.construct_document(node)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep=deep)
        self.flatten_mapping(node)
        result = LocatedDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "unhashable key", key_node.start_mark) from None
            if key in result:
                # Noted, not raised: the rest of the file is read, so that every repeated key
                # is reported in one go (load_text raises them together).
                self.duplicates.append(_DuplicateKey(key, result.key_lines[key],
                                                     key_node.start_mark))
                continue
            result.key_lines[key] = key_node.start_mark.line + 1
            result[key] = self.construct_object(value_node, deep=True)
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> list[Any]:
        result = LocatedList(super().construct_sequence(node, deep=True))
        result.line = node.start_mark.line + 1
        return result


def _reject_aliases(root: yaml.Node) -> None:
    """An alias makes the composer reuse a node: the same object twice in the tree. Walk the
    tree without recursion (it may be deep) and refuse the first node met a second time."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise yaml.composer.ComposerError(None, None, "alias", node.start_mark)
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                stack += [value, key]
        elif isinstance(node, yaml.SequenceNode):
            stack += reversed(node.value)


class _DuplicateKey(Exception):
    def __init__(self, key: Any, first_line: int, mark: Any) -> None:
        self.key = key
        self.first_line = first_line
        self.mark = mark


def _strict_loader(base: type[Any]) -> type[Any]:
    """A loader class on `base` (the C or the pure-Python SafeLoader) with our rules:
    booleans only as true/false, no implicit timestamps, located mappings and lists."""
    loader: type[Any] = type(f"Strict{base.__name__}", (_Strict, base), {})
    resolvers = {}
    for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items():
        kept = [(tag, regexp) for tag, regexp in entries
                if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
        if kept:
            resolvers[first] = kept
    loader.yaml_implicit_resolvers = resolvers
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"))
    loader.add_constructor("tag:yaml.org,2002:seq", _Strict.construct_sequence)
    loader.add_constructor("tag:yaml.org,2002:map", _Strict.construct_mapping)
    return loader


PURE_LOADER = _strict_loader(yaml.SafeLoader)
C_LOADER = _strict_loader(yaml.CSafeLoader) if getattr(yaml, "__with_libyaml__", False) else None
LOADER = C_LOADER or PURE_LOADER


def load_text(text: str, file: str, loader: type | None = None) -> Any:
    """Parse YAML (JSON is YAML too) from text; raise YamlError on any failure."""
    parser = (loader or LOADER)(text)
    parser.duplicates = []
    try:
        data = parser.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        if exc.problem == "alias":
            raise YamlError("yaml.alias", file, line, column) from None
        if exc.problem and "nesting depth" in exc.problem:  # libyaml's own guard
            raise YamlError("yaml.too_deep", file, line, column) from None
        detail = " ".join(part for part in (exc.context, exc.problem) if part)
        raise YamlError("yaml.syntax", file, line, column, detail=detail) from None
    except yaml.YAMLError as exc:
        raise YamlError("yaml.syntax", file, detail=str(exc)) from None
    except RecursionError:
        raise YamlError("yaml.too_deep", file) from None
    except ValueError as exc:  # e.g. `!!timestamp 2001-02-30`
        raise YamlError("yaml.bad_value", file, detail=str(exc)) from None
    finally:
        parser.dispose()
    if parser.duplicates:
        found = [YamlError("yaml.duplicate_key", file, dup.mark.line + 1, dup.mark.column + 1,
                           name=dup.key, first_line=dup.first_line)
                 for dup in parser.duplicates]
        found[0].also = found[1:]
        raise found[0]
    return data


def load_file(path: Path) -> Any:
    """Read and parse a file; unreadable, oversized and non-UTF-8 files are YamlErrors too."""
    name = str(path)
    try:
        raw = read_limited(path, MAX_BYTES)  # an ordinary file, bounded (clustercli.inputfile)
    except InputFileError as exc:
        raise YamlError(exc.key, name, **exc.params) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlError("yaml.not_utf8", name, detail=str(exc)) from None
    return load_text(text, name)


def line_of(data: Any, loc: tuple[Any, ...]) -> int | None:
    """The line of the deepest value along `loc` (a pydantic error location) we can find."""
    line = getattr(data, "line", None)
    node = data
    for part in loc:
        if isinstance(node, LocatedDict) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            line = getattr(node, "line", line)
        else:
            break
    return line
