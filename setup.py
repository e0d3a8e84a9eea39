"""Build hook: the tagger's hot modules are compiled with mypyc when a C compiler is at hand.

The compiled modules are the same Python source, type-checked by mypyc, and faster: 60x dateparser
against 48x for the plain modules on the seed articles in one run (README, Benchmarks: bench/speed.py).
Without a compiler, or with TIMELINE_PURE_PYTHON=1, the install keeps the plain modules and everything
works the same. Metadata lives in pyproject.toml.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

# the modules tag() runs per article; ruleset.py (loading, once) reads re's private parser and stays plain
COMPILED = [
    "pipeline/temporal/tagger.py",
    "pipeline/temporal/recognize.py",
    "pipeline/temporal/lookup.py",
    "pipeline/temporal/resolve.py",
    "pipeline/temporal/tense.py",
    "pipeline/temporal/timex.py",
    "pipeline/text.py",
    "pipeline/model.py",
]


class OptionalBuildExt(build_ext):
    """Compile if possible; on any failure remove what was built, so the plain modules are imported."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as e:  # a missing or failing C compiler must not stop the install
            for out in self.get_outputs():
                Path(out).unlink(missing_ok=True)
            print(f"timeline: compiling the tagger failed ({e}); using the pure-Python modules", file=sys.stderr)


def _remove_earlier_builds() -> None:
    """Delete compiled modules left in the tree by an earlier build: without this, a build that falls back
    to plain Python would still import the old compiled code."""
    for module in COMPILED:
        for built in Path(module).parent.glob(Path(module).stem + ".*.so"):
            built.unlink()
    for built in Path("pipeline").glob("_compiled__mypyc.*.so"):
        built.unlink()


def extensions() -> list:
    if os.environ.get("TIMELINE_PURE_PYTHON"):
        _remove_earlier_builds()
        return []
    try:
        from mypyc.build import mypycify

        # mypy options first: third-party libraries without stubs are taken as they are
        return mypycify(["--ignore-missing-imports", "--follow-imports=silent", *COMPILED], opt_level="3",
                        group_name="pipeline._compiled")
    except (Exception, SystemExit) as e:  # mypyc exits on a type error
        print(f"timeline: mypyc unavailable ({e}); using the pure-Python modules", file=sys.stderr)
        _remove_earlier_builds()
        return []


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
