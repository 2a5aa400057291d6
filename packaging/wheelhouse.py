"""Make offline wheelhouses: the app's wheel and every dependency's, per target computer.

    python packaging/wheelhouse.py                        # for this computer (OS and CPU)
    python packaging/wheelhouse.py --target windows-x64   # from any OS
    python packaging/wheelhouse.py --target windows-x64 --target macos-arm64 \\
        --target macos-x64 --out wheelhouses
    python packaging/wheelhouse.py --check wheelhouses/windows-x64   # verify, offline

Targets (CPython 3.11, 64-bit, on each): ``windows-x64`` (Windows 10/11), ``macos-arm64``
(Apple silicon) and ``macos-x64`` (Intel) for macOS 13 and later, ``linux-x64`` (glibc
2.34 and later, PySide6's own floor). Each goes to ``<out>/<target>/``, with
``requirements.txt`` (the exact versions), ``SHA256SUMS`` and ``INSTALL.txt``. On the
computer without network (the same OS, CPU and Python 3.11)::

    python -m venv venv
    venv/bin/pip install --no-index --find-links <wheelhouse> movizor-desktop
    venv/bin/movizor-desktop --smoke-test

(``venv\\Scripts\\…`` on Windows; docs/INSTALL.md has the whole procedure.)

How, and why not plain ``pip download --platform``: pip evaluates environment markers for
the computer it runs on, not for the target (pip issues 6117 and 10050), so a Windows
wheelhouse made on Linux lacked keyring's ``pywin32-ctypes`` and carried Linux's
SecretStorage, jeepney and cryptography, while ``pip install --dry-run`` said all was well.
Here:

1. ``pip wheel --no-deps .`` builds the app's wheel (setup.py puts ``resources/`` and the
   compiled translations in it);
2. ``uv pip compile --python-platform <target>`` resolves its dependencies with the
   target's markers (and, for macOS, ``MACOSX_DEPLOYMENT_TARGET``), binary wheels only;
3. ``pip download --no-deps --platform <tags>`` fetches exactly those versions into a
   download cache shared by all targets (``--cache``; both macOS targets share Qt's
   universal2 wheels), from which the target's wheels are linked into its folder;
4. :func:`check` resolves the app again from the folder alone, offline, with no index and
   no cache, with the target's markers: it must succeed and use every wheel there.

Needs network (PyPI) and the ``build`` extra (uv, packaging).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from packaging.tags import Tag, compatible_tags, cpython_tags, mac_platforms
from packaging.utils import canonicalize_name, parse_wheel_filename

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import bundle_config as cfg  # noqa: E402

DIST_NAME = "movizor-desktop"
PYTHON = (3, 11)


@dataclass(frozen=True)
class Target:
    key: str
    uv_platform: str  # uv pip compile --python-platform
    platforms: tuple[str, ...]  # wheel platform tags, most specific first
    title: str
    macos: str | None = None  # MACOSX_DEPLOYMENT_TARGET for uv

    @property
    def windows(self) -> bool:
        return self.platforms[0].startswith("win")

    def supported_tags(self) -> list[Tag]:
        """Every wheel tag CPython 3.11 accepts on the target, best first."""
        return [
            *cpython_tags(PYTHON, [f"cp{PYTHON[0]}{PYTHON[1]}"], self.platforms),
            *compatible_tags(PYTHON, f"cp{PYTHON[0]}{PYTHON[1]}", self.platforms),
        ]


def _macos(arch: str) -> tuple[str, ...]:
    major, minor = (int(n) for n in cfg.MACOS_MINIMUM.split("."))
    return tuple(mac_platforms((major, minor), arch))


def _manylinux(arch: str, glibc_minor: int) -> tuple[str, ...]:
    modern = [f"manylinux_2_{minor}_{arch}" for minor in range(glibc_minor, 4, -1)]
    return (
        *modern,
        f"manylinux2014_{arch}",
        f"manylinux2010_{arch}",
        f"manylinux1_{arch}",
        f"linux_{arch}",
    )


TARGETS = {
    target.key: target
    for target in (
        Target("windows-x64", "x86_64-pc-windows-msvc", ("win_amd64",), "Windows 10/11 x64"),
        Target(
            "macos-arm64",
            "aarch64-apple-darwin",
            _macos("arm64"),
            f"macOS {cfg.MACOS_MINIMUM}+ on Apple silicon",
            cfg.MACOS_MINIMUM,
        ),
        Target(
            "macos-x64",
            "x86_64-apple-darwin",
            _macos("x86_64"),
            f"macOS {cfg.MACOS_MINIMUM}+ on Intel",
            cfg.MACOS_MINIMUM,
        ),
        Target(
            "linux-x64",
            "x86_64-manylinux_2_34",
            _manylinux("x86_64", 34),
            "Linux x86_64 with glibc 2.34+",
        ),
    )
}


def this_computer() -> str:
    machine = platform.machine().lower()
    arch = {"amd64": "x64", "x86_64": "x64", "arm64": "arm64", "aarch64": "arm64"}.get(machine)
    key = f"{cfg.platform_key()}-{arch}"
    if key not in TARGETS:
        raise SystemExit(
            f"wheelhouse.py: no target for this computer ({key}); choose one "
            f"with --target: {', '.join(TARGETS)}"
        )
    return key


def default_cache() -> Path:
    if os.environ.get("MOVIZOR_WHEEL_CACHE"):
        return Path(os.environ["MOVIZOR_WHEEL_CACHE"])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "movizor-desktop" / "wheels"


def say(message: str) -> None:
    print(f"wheelhouse.py: {message}", flush=True)


def run(
    command: list[str], env: dict[str, str] | None = None, capture: bool = False
) -> subprocess.CompletedProcess[str]:
    say(" ".join(str(c) for c in command))
    return subprocess.run(command, cwd=ROOT, check=True, text=True, env=env, capture_output=capture)


def uv() -> str:
    """uv from the ``build`` extra (its Python module), else on PATH."""
    try:
        from uv import find_uv_bin

        return find_uv_bin()
    except ImportError:
        found = shutil.which("uv")
        if found is None:
            raise SystemExit("wheelhouse.py: uv not found: pip install -e '.[build]'") from None
        return found


def uv_env(target: Target) -> dict[str, str]:
    env = {
        key: value for key, value in os.environ.items() if not key.startswith("UV_")
    }  # no index, cache or resolver settings of the caller
    env.pop("MACOSX_DEPLOYMENT_TARGET", None)
    if target.macos:
        env["MACOSX_DEPLOYMENT_TARGET"] = target.macos
    return env


def resolve_command(
    target: Target, requirement: str, *, offline_dir: Path | None = None, output: Path | None = None
) -> list[str]:
    """``uv pip compile`` of ``requirement`` for the target: from PyPI, or from a folder only."""
    command = [
        uv(),
        "pip",
        "compile",
        "-",
        "--python-platform",
        target.uv_platform,
        "--python-version",
        ".".join(map(str, PYTHON)),
        "--only-binary",
        ":all:",
        "--no-header",
        "--no-annotate",
        "--quiet",
    ]
    if offline_dir is not None:
        command += ["--offline", "--no-index", "--no-cache", "--find-links", str(offline_dir)]
    if output is not None:
        command += ["--output-file", str(output)]
    return command


def pins(text: str) -> dict[str, str]:
    """``{canonical name: version}`` of ``name==version`` lines."""
    found = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            found[canonicalize_name(name.split("[")[0].strip())] = version.strip()
    return found


def build_app_wheel(folder: Path) -> Path:
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(folder), str(ROOT)])
    wheels = sorted(folder.glob("movizor_desktop-*.whl"))
    if not wheels:
        raise SystemExit("wheelhouse.py: the app's wheel was not built")
    return wheels[-1]


def best_wheel(files: list[Path], name: str, version: str, target: Target) -> Path | None:
    """The cached wheel of ``name==version`` that suits the target best, or None."""
    rank = {tag: index for index, tag in enumerate(target.supported_tags())}
    candidates = []
    for path in files:
        try:
            wheel_name, wheel_version, _build, wheel_tags = parse_wheel_filename(path.name)
        except ValueError:
            continue
        if wheel_name != name or str(wheel_version) != version:
            continue
        best = min((rank[tag] for tag in wheel_tags if tag in rank), default=None)
        if best is not None:
            candidates.append((best, path))
    return min(candidates)[1] if candidates else None


def place(source: Path, folder: Path) -> None:
    destination = folder / source.name
    try:
        os.link(source, destination)  # the cache and the wheelhouse share the bytes
    except OSError:
        shutil.copy2(source, destination)


def build(target: Target, out: Path, app_wheel: Path, cache: Path) -> Path:
    folder = out / target.key
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    cache.mkdir(parents=True, exist_ok=True)
    requirements = folder / "requirements.txt"
    requirement = f"{DIST_NAME} @ {app_wheel.as_uri()}"
    say(f"{target.key}: resolving for {target.title} ({target.uv_platform})")
    subprocess.run(
        resolve_command(target, requirement, output=requirements),
        input=requirement,
        cwd=ROOT,
        check=True,
        text=True,
        env=uv_env(target),
    )
    text = "\n".join(
        line
        for line in requirements.read_text(encoding="utf-8").splitlines()
        if not line.startswith(DIST_NAME)
    )
    requirements.write_text(text + "\n", encoding="utf-8")
    wanted = pins(text)
    # Every platform tag, not just the first: pip widens macOS and manylinux2014 tags to
    # the older ones they accept, but not a manylinux_2_34 tag to manylinux_2_17.
    platforms = [arg for tag in target.platforms for arg in ("--platform", tag)]
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            *platforms,
            "--implementation",
            "cp",
            "--python-version",
            ".".join(map(str, PYTHON)),
            "--abi",
            "cp{}{}".format(*PYTHON),
            "--dest",
            str(cache),
            "--requirement",
            str(requirements),
        ]
    )
    cached = sorted(cache.glob("*.whl"))
    missing = []
    for name, version in sorted(wanted.items()):
        wheel = best_wheel(cached, name, version, target)
        if wheel is None:
            missing.append(f"{name}=={version}")
        else:
            place(wheel, folder)
    if missing:
        raise SystemExit(
            f"wheelhouse.py: {target.key}: no wheel downloaded for " + ", ".join(missing)
        )
    shutil.copy2(app_wheel, folder / app_wheel.name)
    write_sums(folder)
    write_install_notes(folder, target)
    problems = check(folder, target)
    if problems:
        raise SystemExit(
            f"wheelhouse.py: {target.key} does not resolve offline:\n" + "\n".join(problems)
        )
    return folder


def write_sums(folder: Path) -> None:
    lines = []
    for wheel in sorted(folder.glob("*.whl")):
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        lines.append(f"{digest}  {wheel.name}")
    (folder / "SHA256SUMS").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_install_notes(folder: Path, target: Target) -> None:
    python = "py -3.11" if target.windows else "python3.11"
    scripts = "venv\\Scripts\\" if target.windows else "venv/bin/"
    text = f"""Movizor Desktop: offline wheelhouse for {target.title}, CPython 3.11 64-bit.

On the computer that will run the app (no network needed), with CPython 3.11 (64-bit)
installed, in this folder's parent folder:

    {python} -m venv venv
    {scripts}python -m pip install --no-index --find-links {target.key} movizor-desktop
    {scripts}movizor-desktop --smoke-test
    {scripts}movizor-desktop

requirements.txt lists the exact versions; SHA256SUMS the wheels' checksums
(`sha256sum -c SHA256SUMS`, or Get-FileHash on Windows). See docs/INSTALL.md of the
app's source for the whole procedure.
"""
    (folder / "INSTALL.txt").write_text(text, encoding="utf-8")


def check(folder: Path, target: Target) -> list[str]:
    """Problems of a wheelhouse, found offline: [] when the app resolves from it alone,
    with the target's markers, and every wheel in it is used."""
    command = resolve_command(target, DIST_NAME, offline_dir=folder)
    result = subprocess.run(
        command, input=DIST_NAME, cwd=ROOT, text=True, capture_output=True, env=uv_env(target)
    )
    if result.returncode != 0:
        return [line for line in result.stderr.strip().splitlines() if line.strip()]
    resolved = pins(result.stdout)
    problems = []
    for wheel in sorted(folder.glob("*.whl")):
        name, version, _build, _tags = parse_wheel_filename(wheel.name)
        if resolved.get(name) != str(version):
            problems.append(f"{wheel.name} is not used on {target.title}")
    return problems


def summary(folder: Path) -> str:
    wheels = sorted(folder.glob("*.whl"))
    size = sum(w.stat().st_size for w in wheels)
    return f"{len(wheels)} wheels, {size / 1_000_000:.0f} MB in {folder}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--target",
        action="append",
        choices=sorted(TARGETS),
        help="a target computer (repeat for several; default: this one)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=HERE / "out" / "wheelhouses",
        help="one folder per target is made (emptied) here",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=default_cache(),
        help="download cache shared by all targets (default: %(default)s; or MOVIZOR_WHEEL_CACHE)",
    )
    parser.add_argument(
        "--check",
        type=Path,
        metavar="WHEELHOUSE",
        help="only check an existing wheelhouse (offline) for --target",
    )
    args = parser.parse_args(argv)
    keys = args.target or [this_computer()]
    if args.check:
        if len(keys) != 1:
            parser.error("--check takes one --target")
        problems = check(args.check.resolve(), TARGETS[keys[0]])
        for problem in problems:
            print(f"wheelhouse.py: {problem}")
        say(("FAILED: " if problems else "ok: ") + summary(args.check.resolve()))
        return 1 if problems else 0
    out = args.out.resolve()
    with tempfile.TemporaryDirectory(prefix="movizor-app-wheel-") as scratch:
        app_wheel = build_app_wheel(Path(scratch))
        for key in keys:
            folder = build(TARGETS[key], out, app_wheel, args.cache.resolve())
            say(f"{key}: {summary(folder)} (checked offline)")
    say(f"install offline with: pip install --no-index --find-links {out / keys[0]} {DIST_NAME}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
