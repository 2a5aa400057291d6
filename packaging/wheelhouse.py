"""Make a wheelhouse: the app's wheel and every dependency's, for an offline install.

    python packaging/wheelhouse.py                       # for this machine's platform
    python packaging/wheelhouse.py --platform win_amd64 --python-version 3.11
    python packaging/wheelhouse.py --platform macosx_13_0_arm64 --python-version 3.11

Then, on a machine without network (the same platform and Python version):

    python -m venv venv
    venv/bin/pip install --no-index --find-links wheelhouse movizor-desktop
    venv/bin/movizor-desktop --smoke-test

(``venv\\Scripts\\pip`` and ``venv\\Scripts\\movizor-desktop`` on Windows.)

How: ``pip wheel .`` builds the app's wheel (setup.py puts ``resources/`` and the
compiled translations in it) and a wheel of every dependency for this machine; pure-Python
dependencies published only as source are built here too, so they serve every
platform. With ``--platform``, ``pip download --only-binary=:all:`` then adds the binary
wheels of that platform (PySide6, pydantic-core, numpy …). Default output:
``packaging/out/wheelhouse``; it is emptied first. Needs network (PyPI) while building.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST_NAME = "movizor_desktop"


def pip(*args: str) -> None:
    command = [sys.executable, "-m", "pip", *args]
    print("wheelhouse.py: " + " ".join(command[1:]), flush=True)
    subprocess.run(command, cwd=ROOT, check=True)


def build(out: Path, platform: str | None, python_version: str | None) -> Path:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    pip("wheel", "--wheel-dir", str(out), str(ROOT))
    app_wheels = sorted(out.glob(f"{DIST_NAME}-*.whl"))
    if not app_wheels:
        raise SystemExit("wheelhouse.py: the app's wheel was not built")
    if platform:
        target = ["--platform", platform, "--only-binary=:all:", "--implementation", "cp"]
        if python_version:
            target += ["--python-version", python_version]
        foreign = out / "foreign"
        pip("download", "--dest", str(foreign), "--find-links", str(out), *target,
            str(app_wheels[-1]))
        for wheel in foreign.glob("*.whl"):
            if not (out / wheel.name).exists():
                wheel.replace(out / wheel.name)
        shutil.rmtree(foreign)
    return app_wheels[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "out" / "wheelhouse")
    parser.add_argument("--platform", help="a pip platform tag, e.g. win_amd64, "
                        "macosx_13_0_arm64, manylinux_2_28_x86_64 (default: this machine)")
    parser.add_argument("--python-version", help="e.g. 3.11 (with --platform)")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    app = build(out, args.platform, args.python_version)
    wheels = sorted(out.glob("*.whl"))
    size = sum(w.stat().st_size for w in wheels)
    print(f"wheelhouse.py: {len(wheels)} wheels, {size / 1_000_000:.0f} MB in {out} "
          f"(app: {app.name})")
    print(f"wheelhouse.py: install offline with: pip install --no-index --find-links "
          f"{out} movizor-desktop")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
