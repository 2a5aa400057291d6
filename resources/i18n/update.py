"""Refresh the translation source and compile it.

    python resources/i18n/update.py            # lupdate (movizor_desktop/**/*.py) + lrelease
    python resources/i18n/update.py --release  # lrelease only (the build does this)

``pyside6-lupdate`` collects every ``tr()`` / ``QCoreApplication.translate()`` string of the
package into ``movizor_<lang>.ts`` (translations already made are kept; strings no longer
in the code are marked vanished, ``--drop-obsolete`` removes them). ``pyside6-lrelease``
compiles each ``.ts`` into the ``.qm`` the app loads (``.qm`` files are build output and are
not committed). Exit status: 0 on success, the failing tool's status otherwise.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PACKAGE = ROOT / "movizor_desktop"
LANGUAGES = ("ru", "en")
# English is the source language: its catalogue holds only the plural messages ("%n
# point(s)" → "1 point" / "2 points"), which the source text cannot say for both counts.
PLURAL_ONLY = frozenset({"en"})


def tool(name: str) -> str:
    """``name`` next to this Python (a venv's bin/Scripts), else on PATH."""
    for folder in (
        Path(sys.executable).parent,
        Path(sys.prefix) / "bin",
        Path(sys.prefix) / "Scripts",
    ):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.is_file():
                return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 into this Python")
    return found


def sources() -> list[str]:
    return [
        str(p.relative_to(ROOT))
        for p in sorted(PACKAGE.rglob("*.py"))
        if "__pycache__" not in p.parts
    ]


def lupdate(drop_obsolete: bool) -> int:
    command = [tool("pyside6-lupdate"), *sources(), "-locations", "relative"]
    if drop_obsolete:
        command.append("-no-obsolete")
    for lang in LANGUAGES:
        ts = HERE / f"movizor_{lang}.ts"
        extra = ["-pluralonly"] if lang in PLURAL_ONLY else []
        code = subprocess.call(
            [
                *command,
                *extra,
                "-target-language",
                f"{lang}_RU" if lang == "ru" else "en_GB",
                "-ts",
                str(ts.relative_to(ROOT)),
            ],
            cwd=ROOT,
        )
        if code:
            return code
    return 0


def lrelease() -> int:
    for lang in LANGUAGES:
        ts = HERE / f"movizor_{lang}.ts"
        code = subprocess.call(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))]
        )
        if code:
            return code
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--release", action="store_true", help="only compile .ts → .qm")
    parser.add_argument(
        "--drop-obsolete", action="store_true", help="remove strings that are no longer in the code"
    )
    args = parser.parse_args(argv)
    if not args.release:
        code = lupdate(args.drop_obsolete)
        if code:
            return code
    return lrelease()


if __name__ == "__main__":
    raise SystemExit(main())
