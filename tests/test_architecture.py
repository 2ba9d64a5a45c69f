"""The layout rules of docs/architecture.md, checked on the source.

Imports run one way: ``newsroom -> portal -> articles -> media_library``.
No module imports one that (directly or through others) imports it back,
lazy imports inside functions included. No module grows past about 400
lines, except migrations and the demo content.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Each app may import only the apps after it.
LAYERS = ["newsroom", "portal", "articles", "media_library"]
MAX_LINES = 400
LONG_ON_PURPOSE = {"articles/management/commands/seed_demo.py"}


def module_name(path, root):
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(root, packages):
    """{module: {modules it imports}} for every module of ``packages``.

    Every import counts, at module level or inside a function; ``from a
    import b`` points at module ``a.b`` when there is one, else at ``a``.
    """
    files = {
        module_name(path, root): path
        for package in packages
        for path in (root / package).rglob("*.py")
    }
    graph = {}
    for name, path in files.items():
        is_package = path.name == "__init__.py"
        here = name.split(".") if is_package else name.split(".")[:-1]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here[: len(here) - node.level + 1]
                    origin = ".".join([*base, *filter(None, [node.module])])
                else:
                    origin = node.module
                for alias in node.names:
                    child = f"{origin}.{alias.name}"
                    targets.add(child if child in files else origin)
        graph[name] = {t for t in targets if t in files and t != name}
    return graph


def wrong_way_imports(graph, layers):
    """(importer, imported) pairs where an app imports one above it."""

    def layer(module):
        top = module.split(".")[0]
        return layers.index(top) if top in layers else None

    return sorted(
        (source, target)
        for source, targets in graph.items()
        for target in targets
        if layer(source) is not None
        and layer(target) is not None
        and layer(target) < layer(source)
    )


def import_cycles(graph):
    """Groups of modules that import each other, directly or in a ring
    (Tarjan's strongly connected components of more than one module)."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


@pytest.fixture(scope="module")
def warta_graph():
    return import_graph(ROOT, LAYERS)


def test_apps_import_only_the_apps_below_them(warta_graph):
    assert wrong_way_imports(warta_graph, LAYERS) == []


def test_no_modules_import_each_other(warta_graph):
    assert import_cycles(warta_graph) == []


def test_no_module_is_over_400_lines():
    long = {
        str(path.relative_to(ROOT)): len(path.read_text().splitlines())
        for app in LAYERS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
        and str(path.relative_to(ROOT)) not in LONG_ON_PURPOSE
    }
    assert {name: n for name, n in long.items() if n > MAX_LINES} == {}


# The checks themselves, on a small made-up project with every fault.


def write(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_the_check_catches_imports_against_the_direction(tmp_path):
    write(
        tmp_path,
        {
            "portal/__init__.py": "",
            "portal/views.py": "from articles.models import Article\n",
            "articles/__init__.py": "",
            "articles/models.py": "from media_library import models\n",
            "articles/admin.py": "def f():\n    from portal import views\n",
            "media_library/__init__.py": "",
            "media_library/models.py": "import articles.models\n",
        },
    )
    graph = import_graph(tmp_path, ["portal", "articles", "media_library"])
    assert wrong_way_imports(graph, ["portal", "articles", "media_library"]) == [
        ("articles.admin", "portal.views"),
        ("media_library.models", "articles.models"),
    ]


def test_the_check_catches_a_ring_of_lazy_relative_imports(tmp_path):
    write(
        tmp_path,
        {
            "articles/__init__.py": "",
            "articles/workflow.py": "from .services import record\n",
            "articles/services.py": "def record():\n    from . import revisions\n",
            "articles/revisions.py": "def f():\n    from .workflow import Error\n",
            "articles/rights.py": "from .models import Article\n",
            "articles/models.py": "",
        },
    )
    assert import_cycles(import_graph(tmp_path, ["articles"])) == [
        ["articles.revisions", "articles.services", "articles.workflow"]
    ]
