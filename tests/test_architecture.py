"""The shape of the code: which module may import which library, which part of the tool may
import which other (a one-way layer order, no cycles), and command modules whose annotations
typer need not evaluate. What each command loads at run time: test_lazy_imports.py.

Everything here is computed from the source (the AST of every module, lazy imports inside
functions included), so a new module or import is checked the day it is written."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "clustercli"

# library -> the module prefixes allowed to import it (the edges of the pure core)
RULES = {
    "questionary": ("clustercli.prompts",),
    "prompt_toolkit": ("clustercli.prompts",),
    "tinydb": ("clustercli.storage",),
    "filelock": ("clustercli.storage",),
    "rich": ("clustercli.render", "clustercli.cli"),
    "typer": ("clustercli.cli",),
    "click": ("clustercli.cli",),
    "yaml": ("clustercli.yamlfile",),
    "platformdirs": ("clustercli.paths",),
    "xlsxwriter": ("clustercli.portability.workbook",),
    "openpyxl": (),  # the tests read the .xlsx export with it; the tool itself does not
}


def imported_libraries(source: str) -> set[str]:
    """Top-level names of everything a module imports, at any depth (lazy imports count)."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def imported_names(source: str) -> set[str]:
    """The names a module imports from `__future__`."""
    return {alias.name for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.ImportFrom) and node.module == "__future__"
            for alias in node.names}


def violations(module: str, source: str) -> list[str]:
    found = []
    for library in sorted(imported_libraries(source) & set(RULES)):
        if not module.startswith(RULES[library]):
            found.append(f"{module} imports {library}")
    return found


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        yield ".".join(relative.parts).removesuffix(".__init__"), path


def test_only_the_edges_import_their_library():
    problems = []
    for module, path in _modules():
        problems += violations(module, path.read_text(encoding="utf-8"))
    assert problems == []


def test_the_library_rule_catches_a_violation():
    assert violations("clustercli.engine", "def f():\n    import questionary\n") == [
        "clustercli.engine imports questionary"]
    assert violations("clustercli.scoring", "from rich.console import Console") == [
        "clustercli.scoring imports rich"]
    assert violations("clustercli.prompts", "import questionary") == []


# -- which part of the tool may import which -------------------------------------------------
#
# A "part" is a package under clustercli/ (`storage`, `profile`, ...) or a top-level module
# (`records`, `errors`, ...); `clustercli` itself is the root package (its version).

# The layers, lowest first. A part may import parts of its own layer and of the layers below,
# never above: the core never reaches up into the interface, the model never into what scores
# or stores it. Every part must be listed (a new package gets its place here).
LAYERS: tuple[tuple[str, ...], ...] = (
    # the ground: errors, time, names, paths, messages, the catalogue, the YAML reader, and
    # how numbers, dates and Markdown are written, bounded reading of input files, signals,
    # text that fits a width (tables, wrapped prose)
    ("clustercli", "errors", "clock", "names", "paths", "i18n", "messages", "yamlfile",
     "formatting", "inputfile", "interrupts", "textwidth", "tables"),
    ("conditions",),  # the one condition language
    ("schema_errors", "questionset"),  # the question-set model, its rules file and loader
    ("profile", "routing"),  # scores, levels, advice; whom to approach
    ("records",),  # the records and what a store promises (it holds the profile's Summary)
    ("storage", "engine"),  # the store; the interview (which codes against `records.Store`)
    ("plain", "prompts", "report", "advisor", "portability"),  # interfaces, reports, export
    ("render",),  # reports on the terminal, in HTML and Markdown
    ("cli",),  # the commands: where the parts are put together
    ("entry", "__main__"),
)

# Parts that must never import these, whatever the layers would allow: the question set is
# data and its checks, the condition language serves it (neither knows what scores, routes,
# runs or stores them); the rest of the core codes against `records.Store` and never opens a
# store itself.
NEVER: dict[str, tuple[str, ...]] = {
    "questionset": ("profile", "routing", "engine", "report", "storage"),
    "conditions": ("questionset", "profile", "routing", "engine", "report", "storage"),
    "profile": ("storage",),
    "routing": ("storage",),
    "records": ("storage",),
    "engine": ("storage",),
    "report": ("storage",),
    "advisor": ("storage",),
    "render": ("storage",),
    "plain": ("storage",),
    "prompts": ("storage",),
}

# Only `clustercli.storage` itself (open_store, write_atomic, ensure_dir) is for the rest of
# the tool; its modules are its own business.
STORAGE = "clustercli.storage"

# Violations that another branch removes, each with the reason it is still here. The test
# fails when one no longer occurs, so that it is taken out the day it is fixed.
KNOWN_EXCEPTIONS: dict[tuple[str, str], str] = {}


def part_of(module: str) -> str:
    """clustercli.storage.files -> storage; clustercli.records -> records; clustercli -> itself."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def internal_imports(module: str, source: str, is_package: bool,
                     known: set[str]) -> set[str]:
    """The clustercli modules `module` imports, at any depth of its AST (an import inside a
    function counts). `from clustercli.x import y` is clustercli.x.y when that is a module of
    `known`, else clustercli.x; relative imports are resolved against `module`."""
    found = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            for alias in node.names:
                child = f"{origin}.{alias.name}"
                found.add(child if child in known else origin)
    return {name for name in found if name == "clustercli" or name.startswith("clustercli.")}


def hidden_imports(source: str) -> list[str]:
    """Imports the AST cannot follow: importlib, __import__, a module-level __getattr__
    (PEP 562). Every import must be one this test can see."""
    found = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "__import__":
            found.append("__import__")
        elif isinstance(node, ast.Attribute) and node.attr == "import_module":
            found.append("importlib.import_module")
    found += ["module-level __getattr__" for node in tree.body
              if isinstance(node, ast.FunctionDef) and node.name == "__getattr__"]
    return found


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle of the graph as a path (first == last), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target):], target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def internal_violations(sources: dict[str, tuple[str, bool]],
                        exceptions: dict[tuple[str, str], str] | None = None) -> list[str]:
    """Every broken internal rule of these modules (name -> (source, is a package)), as text;
    `exceptions` (importer, imported) are let through."""
    exceptions = {} if exceptions is None else exceptions
    layer = {part: rank for rank, parts in enumerate(LAYERS) for part in parts}
    known = set(sources)
    found: list[str] = []
    graph: dict[str, set[str]] = {}
    for module, (source, is_package) in sorted(sources.items()):
        here = part_of(module)
        if here not in layer:
            found.append(f"{module}: part {here!r} has no place in LAYERS")
        found += [f"{module}: {what}" for what in hidden_imports(source)]
        for target in sorted(internal_imports(module, source, is_package, known)):
            there = part_of(target)
            if (module, target) in exceptions:
                continue
            if there != here:
                graph.setdefault(here, set()).add(there)
            if here in layer and there in layer and layer[there] > layer[here]:
                found.append(f"{module} imports {target}: {there} is in a higher layer "
                             f"than {here}")
            if there in NEVER.get(here, ()):
                found.append(f"{module} imports {target}: {here} never imports {there}")
            if target.startswith(STORAGE + ".") and here != "storage":
                found.append(f"{module} imports {target}: outside the storage package only "
                             f"{STORAGE} itself may be imported")
    cycle = find_cycle(graph)
    if cycle:
        found.append("cycle between parts: " + " -> ".join(cycle))
    return found


def _sources() -> dict[str, tuple[str, bool]]:
    return {module: (path.read_text(encoding="utf-8"), path.name == "__init__.py")
            for module, path in _modules()}


def test_internal_imports_follow_the_layers_and_make_no_cycle():
    assert internal_violations(_sources(), KNOWN_EXCEPTIONS) == []


def test_every_known_exception_still_occurs():
    """A known exception that no longer occurs is taken out of the list (it would let the next
    such import through unseen)."""
    sources = _sources()
    known = set(sources)
    gone = [pair for pair in KNOWN_EXCEPTIONS
            if pair[0] not in sources or pair[1] not in internal_imports(
                pair[0], *sources[pair[0]], known)]
    assert gone == [], "fixed: remove these from KNOWN_EXCEPTIONS"


def test_every_part_has_one_place_in_the_layers():
    listed = [part for parts in LAYERS for part in parts]
    assert len(listed) == len(set(listed))
    assert {part_of(module) for module, _ in _modules()} == set(listed)


def _planted(**modules: str) -> list[str]:
    """The violations of a small planted tree: module name (dots as __) -> source."""
    sources = {name.replace("__", "."): (text, name.count("__") == 1 and name.endswith("init"))
               for name, text in modules.items()}
    return internal_violations(sources)


def test_the_internal_rules_catch_planted_violations():
    # the loop the question set once had, hidden in a function (a lazy import)
    found = _planted(clustercli__questionset__loader="def load():\n"
                     "    from clustercli.profile.rules import Rules\n",
                     clustercli__profile__build="from clustercli.questionset import model\n",
                     clustercli__questionset__model="", clustercli__profile__rules="")
    assert "cycle between parts: profile -> questionset -> profile" in found
    assert ("clustercli.questionset.loader imports clustercli.profile.rules: profile is in a "
            "higher layer than questionset") in found
    assert ("clustercli.questionset.loader imports clustercli.profile.rules: questionset "
            "never imports profile") in found
    # storage internals from outside the storage package; the package itself is fine
    found = _planted(clustercli__cli__data_cmd="from clustercli.storage.files import FileStore",
                     clustercli__cli__app="from clustercli.storage import open_store",
                     clustercli__storage__files="", clustercli__storage="")
    assert found == ["clustercli.cli.data_cmd imports clustercli.storage.files: outside the "
                     "storage package only clustercli.storage itself may be imported"]
    # `from package import module` is that module; relative imports are resolved
    found = _planted(clustercli__engine__flow="from clustercli.storage import files",
                     clustercli__storage__files="", clustercli__storage="")
    assert "clustercli.engine.flow imports clustercli.storage.files: engine never imports " \
        "storage" in found
    found = _planted(clustercli__conditions__parsing="from ..engine import session",
                     clustercli__engine__session="")
    assert found[0].startswith("clustercli.conditions.parsing imports clustercli.engine.session:"
                               " engine is in a higher layer")
    # a new part must be given its place; an import the AST cannot see is refused
    assert _planted(clustercli__newpart__x="") == [
        "clustercli.newpart.x: part 'newpart' has no place in LAYERS"]
    assert _planted(clustercli__profile="def __getattr__(name):\n"
                    "    import importlib\n    return importlib.import_module(name)\n") == [
        "clustercli.profile: importlib.import_module",
        "clustercli.profile: module-level __getattr__"]


def test_command_modules_keep_their_annotations_evaluated():
    """See clustercli/cli/__init__.py: typer would eval string annotations on every run."""
    offenders = [path.name for path in (PACKAGE / "cli").glob("*.py")
                 if "annotations" in imported_names(path.read_text(encoding="utf-8"))]
    assert offenders == []
