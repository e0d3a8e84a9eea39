"""The per-article modules that setup.py compiles with mypyc must not be older than their source: Python
imports a compiled module before its .py, so a stale build would test code that is no longer there."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _compiled_sources() -> list[Path]:
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "COMPILED" for t in node.targets):
            return [ROOT / ast.literal_eval(e) for e in node.value.elts]  # type: ignore[attr-defined]
    raise AssertionError("setup.py names no COMPILED modules")


def test_compiled_modules_are_not_older_than_their_source():
    sources = _compiled_sources()
    assert sources and all(s.exists() for s in sources), sources
    stale = []
    for src in sources:
        for built in src.parent.glob(f"{src.stem}.*.so"):
            if built.stat().st_mtime < src.stat().st_mtime:
                stale.append(str(src.relative_to(ROOT)))
    assert not stale, f"changed after they were compiled: {stale}; run `make setup` (pip install -e .) again"


def test_the_makefile_rebuilds_when_a_compiled_module_changes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for src in _compiled_sources():
        assert str(src.relative_to(ROOT)) in makefile, f"{src.name} is compiled but not a Makefile dependency"
