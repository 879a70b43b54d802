"""The import rules of DESIGN.md section 2, checked on the source tree (AST, not grep)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PURE = ("domain", "privacy", "intake", "analysis", "exchange", "report")
NETWORK = {
    "socket",
    "requests",
    "httpx",
    "urllib.request",
    "http.client",
    "webbrowser",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def label(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name


def offending(paths: list[Path], prefixes: tuple[str, ...]) -> list[str]:
    return [
        f"{label(p)}: {name}"
        for p in paths
        for name in sorted(imports_of(p))
        if any(name == pre or name.startswith(pre + ".") for pre in prefixes)
    ]


def test_the_core_never_imports_qt_or_the_ui() -> None:
    assert offending(modules("casefile"), ("PySide6", "shiboken6", "ui")) == []


def test_the_ui_never_imports_sqlalchemy_or_storage() -> None:
    assert (
        offending(modules("ui"), ("sqlalchemy", "casefile.storage", "alembic", "sqlcipher3")) == []
    )


@pytest.mark.parametrize("package", PURE)
def test_pure_parts_never_reach_storage_or_services(package: str) -> None:
    paths = modules(f"casefile/{package}")
    assert (
        offending(paths, ("sqlalchemy", "casefile.storage", "casefile.services", "alembic")) == []
    )


def test_the_cli_reaches_storage_only_through_services() -> None:
    assert offending(modules("casefile/cli"), ("sqlalchemy", "casefile.storage")) == []


def test_no_product_module_imports_networking() -> None:
    hits = [
        f"{label(p)}: {name}"
        for p in modules("casefile") + modules("ui")
        for name in imports_of(p)
        if name in NETWORK or any(name.startswith(n + ".") for n in NETWORK)
    ]
    assert hits == []


def test_the_checker_sees_imports(tmp_path: Path) -> None:
    """The rule tests above could pass vacuously; prove the checker finds a planted import."""
    planted = tmp_path / "bad.py"
    planted.write_text("from PySide6 import QtCore\nimport socket\n", encoding="utf-8")
    assert offending([planted], ("PySide6",)) != []
    assert "socket" in imports_of(planted)
