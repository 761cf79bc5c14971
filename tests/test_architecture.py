"""Imports flow one way: from the tooling down to the record, never back, never round.

The layers, lowest first (README, "Architecture"). A module may import its own
package and any package of a lower layer. The three faces of the record (the public
site, the clerks' admin, the API with its feeds) and the tooling's packages do not
import one another. Found by reading the source (an AST walk), imports inside
functions included: a late import hides a dependency, it does not remove it.
"""

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
LAYERS = [
    # What any Django site would need: settings helpers, rate limits, the page cache.
    {"ops", "pagecache"},
    # The record: petitions, then the government's responses to them.
    {"petitions"},
    {"responses"},
    # The faces of the record, each on its own.
    {"public", "clerks", "api", "figures"},
    # Tooling that drives the whole application.
    {"demo", "loadtest", "cluster"},
    {"config"},
    # The benchmark: the application's settings and URLs, measured.
    {"bench"},
]
# Packages of one layer that may import each other (none may form a cycle).
SHARED_LAYERS = [{"ops", "pagecache"}]
LAYER_OF = {package: index for index, layer in enumerate(LAYERS) for package in layer}


def project_modules():
    """{dotted name: path} of every module of the project's packages, migrations aside."""
    modules = {}
    for package in LAYER_OF:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "migrations" in parts:
                continue
            name = ".".join(parts)
            modules[name.removesuffix(".__init__")] = path
    return modules


def imports_of(name, path, modules):
    """The project modules a module imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # "from x import y" imports the module x.y when there is one, else x.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


@pytest.fixture(scope="module")
def graph():
    modules = project_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def top(name):
    return name.split(".")[0]


def allowed(importer, imported):
    a, b = top(importer), top(imported)
    if a == b:
        return True
    if LAYER_OF[a] == LAYER_OF[b]:
        return any({a, b} <= shared for shared in SHARED_LAYERS)
    return LAYER_OF[b] < LAYER_OF[a]


def test_every_package_has_a_layer():
    packages = {
        path.parent.name for path in ROOT.glob("*/__init__.py") if path.parent.name != "tests"
    }
    assert packages <= set(LAYER_OF), f"give each package a layer: {packages - set(LAYER_OF)}"


def test_imports_go_down_the_layers(graph):
    against = sorted(
        f"{importer} imports {imported}"
        for importer, imported_modules in graph.items()
        for imported in imported_modules
        if not allowed(importer, imported)
    )
    assert against == []


def strongly_connected(graph):
    """Tarjan's algorithm: the graph's strongly connected components."""
    index, low, stack, on_stack, components = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in graph.get(node, ()):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            components.append(component)

    for node in graph:
        if node not in index:
            visit(node)
    return components


def test_no_module_imports_itself_round_a_cycle(graph):
    cycles = [sorted(component) for component in strongly_connected(graph) if len(component) > 1]
    assert cycles == []


def test_the_check_sees_a_cycle_and_an_import_against_the_layers():
    looped = {"petitions.a": {"petitions.b"}, "petitions.b": {"petitions.a"}, "api.c": set()}
    assert [sorted(c) for c in strongly_connected(looped) if len(c) > 1] == [
        ["petitions.a", "petitions.b"]
    ]
    assert not allowed("petitions.models", "public.views")
    assert not allowed("public.views", "clerks.forms")
    assert allowed("public.views", "petitions.models")
    assert allowed("ops.routing", "pagecache.models")
