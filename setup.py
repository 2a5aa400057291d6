"""Build hook: ship ``resources/`` inside the package and compile the translations.

Everything else about the package is declared in ``pyproject.toml``; this file only adds
one step to setuptools' ``build_py``:

* **wheel / regular install** — ``resources/`` (Leaflet, the map's scripts, icons, the
  translation sources) is copied into the wheel as ``movizor_desktop/resources`` and every
  ``resources/i18n/*.ts`` is compiled there to ``*.qm`` with Qt's ``lrelease``.
  :func:`movizor_desktop.resources.resources_dir` finds that package-local copy first.
  A wheel cannot be built without ``lrelease`` (it would silently lose Russian).
* **editable install** (``pip install -e .``) — nothing is copied (the checkout's
  top-level ``resources/`` is used); the ``.qm`` files are compiled in place next to their
  ``.ts``. Without ``lrelease`` this only warns: the app then runs in English.

``lrelease`` comes from ``PySide6-Essentials`` (listed in ``[build-system] requires``):
the ``PySide6/lrelease`` binary of whichever PySide6 the build environment has, else
``pyside6-lrelease`` / ``lrelease`` on PATH.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"
PACKAGE = "movizor_desktop"
# Not shipped: maintainer scripts, translation sources, stale compiled catalogues (the
# .qm are rebuilt below from the .ts).
SKIP = ("*.py", "*.ts", "*.qm", "__pycache__", "*.pyc", "screenshots")  # screenshots: README only


def find_lrelease() -> list[str] | None:
    """The command that runs Qt's lrelease, or None."""
    spec = importlib.util.find_spec("PySide6")  # locates the package without importing Qt
    if spec is not None and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations)))
        binary = folder / ("lrelease.exe" if os.name == "nt" else "lrelease")
        if binary.is_file():
            return [str(binary)]
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found:
            return [found]
    return None


def compile_translations(sources: Path, target: Path) -> list[Path]:
    """``sources/*.ts`` → ``target/*.qm``; raises RuntimeError when it cannot."""
    catalogues = sorted(sources.glob("*.ts"))
    if not catalogues:
        return []
    command = find_lrelease()
    if command is None:
        raise RuntimeError("Qt's lrelease was not found (install PySide6-Essentials)")
    target.mkdir(parents=True, exist_ok=True)
    made = []
    for ts in catalogues:
        qm = target / ts.with_suffix(".qm").name
        result = subprocess.run(
            [*command, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True
        )
        if result.returncode != 0 or not qm.is_file():
            raise RuntimeError(
                f"lrelease failed on {ts.name}: {(result.stderr or result.stdout).strip()}"
            )
        made.append(qm)
    return made


class BuildPyWithResources(build_py):
    """``build_py`` that also ships ``resources/`` with compiled translations."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            self._compile_in_place()
        else:
            self._ship_resources()

    def _compile_in_place(self) -> None:
        try:
            made = compile_translations(RESOURCES / "i18n", RESOURCES / "i18n")
        except RuntimeError as exc:
            self.warn(f"translations not compiled ({exc}); the app will run in English")
            return
        for qm in made:
            self.announce(f"compiled {qm.relative_to(ROOT)}", level=2)

    def _ship_resources(self) -> None:
        if not RESOURCES.is_dir():
            raise RuntimeError(f"{RESOURCES} is missing: build from a complete checkout or sdist")
        target = Path(self.build_lib) / PACKAGE / "resources"
        if target.exists():
            shutil.rmtree(target)  # no stale files from an earlier build
        shutil.copytree(RESOURCES, target, ignore=shutil.ignore_patterns(*SKIP))
        made = compile_translations(RESOURCES / "i18n", target / "i18n")
        self.announce(f"resources copied to {target} with {len(made)} translation(s)", level=2)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        if not getattr(self, "editable_mode", False):
            target = Path(self.build_lib) / PACKAGE / "resources"
            outputs += [str(p) for p in target.rglob("*") if p.is_file()]
        return outputs


if __name__ == "__main__":  # setuptools.build_meta runs this file as __main__
    setup(cmdclass={"build_py": BuildPyWithResources})
