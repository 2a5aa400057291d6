"""Build Movizor Desktop for this operating system: bundle, check, package.

    python packaging/build.py                 # translations → PyInstaller → installer/archive
    python packaging/build.py --smoke-test    # … and run the frozen app's --smoke-test
    python packaging/build.py --no-package    # stop after the bundle

Steps: (1) compile ``resources/i18n/*.ts`` to ``.qm`` with lrelease (setup.py's code);
(2) PyInstaller with ``packaging/movizor_desktop.spec``; (3) check the bundle (both
executables, the Russian catalogue, Leaflet; on Windows the MSVC runtime DLLs; on macOS
that no binary needs a newer macOS than the Info.plist promises);
(4) optionally ``movizor-desktop-debug --smoke-test``; (5) the platform's package:

* Windows — the executables signed with signtool when a certificate is configured
  (``packaging/winsign.py``), then ``packaging/windows/movizor.iss`` with Inno Setup 6.3+'s
  ``ISCC.exe`` (on PATH, in ``%ProgramFiles(x86)%\\Inno Setup 6`` or ``$ISCC``) →
  ``Movizor-Desktop-<v>-setup.exe`` (signed with its uninstaller the same way);
* macOS — ``packaging/macos/make_dmg.sh`` → ``Movizor-Desktop-<v>-macos-<arch>.dmg`` for
  the machine's architecture (arm64 or x86_64: build each on its own Mac); signed and
  notarized when the MACOS_SIGN_IDENTITY / APPLE_* variables are set;
* Linux — ``movizor-desktop-<v>-linux-<arch>.tar.gz``.

Everything goes to ``packaging/out/`` (``--out`` to change). The sizes of the bundle and
of the package are printed at the end, against the platform's budget
(``bundle_config.SIZE_BUDGETS``): over budget, the build fails. Needs the ``build`` extra:
``pip install -e '.[build]'``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "movizor_desktop.spec"
sys.path.insert(0, str(HERE))
import bundle_config as cfg  # noqa: E402
import macho  # noqa: E402
import winsign  # noqa: E402

SMOKE_LINES = (
    "smoke check keyring: ok",
    "smoke check simulator: ok",
    "smoke check subscribers: ok",
    "smoke check map: ok",
)


def say(message: str) -> None:
    print(f"build.py: {message}", flush=True)


def _setup_module():
    spec = importlib.util.spec_from_file_location("movizor_setup", ROOT / "setup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # defines functions only; setup() runs under __main__
    return module


def compile_translations() -> list[Path]:
    made = _setup_module().compile_translations(cfg.RESOURCES / "i18n", cfg.RESOURCES / "i18n")
    say("compiled " + (", ".join(p.name for p in made) or "no catalogues"))
    return made


def run_pyinstaller(out: Path, clean: bool) -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--distpath",
        str(out / "dist"),
        "--workpath",
        str(out / "build"),
        str(SPEC),
    ]
    if clean:
        command.insert(3, "--clean")
    say("running " + " ".join(command[2:]))
    began = time.monotonic()
    subprocess.run(command, cwd=ROOT, check=True)
    say(f"PyInstaller finished in {time.monotonic() - began:.0f} s")


# --- where things are -------------------------------------------------------------------------


def bundle_dir(out: Path) -> Path:
    """The folder to ship: the .app on macOS, the one-folder bundle elsewhere."""
    if cfg.platform_key() == "macos":
        return out / "dist" / f"{cfg.APP_NAME}.app"
    return out / "dist" / cfg.EXE_NAME


def executables_dir(bundle: Path) -> Path:
    return bundle / "Contents" / "MacOS" if bundle.suffix == ".app" else bundle


def executable(bundle: Path, name: str) -> Path:
    suffix = ".exe" if cfg.platform_key() == "windows" else ""
    return executables_dir(bundle) / f"{name}{suffix}"


def machine() -> str:
    """The architecture in package names: x64 or arm64."""
    arch = platform.machine().lower()
    return {"amd64": "x64", "x86_64": "x64", "aarch64": "arm64"}.get(arch, arch)


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def megabytes(count: int) -> str:
    return f"{count / 1_000_000:.0f} MB"


# --- checks ------------------------------------------------------------------------------


def check_bundle(bundle: Path) -> None:
    """Raise SystemExit naming what a built bundle lacks."""
    problems = []
    for name in (cfg.EXE_NAME, cfg.DEBUG_EXE_NAME):
        if not executable(bundle, name).is_file():
            problems.append(f"executable {executable(bundle, name).name} is missing")
    files = {p.name: p for p in bundle.rglob("*") if p.is_file()}
    for needed in ("leaflet.js", "movizor_ru.qm", "qtbase_ru.qm"):
        if needed not in files:
            problems.append(f"{needed} is missing")
    if not any(name.startswith("QtWebEngineProcess") for name in files):
        problems.append("QtWebEngineProcess is missing")
    if cfg.platform_key() == "windows":
        problems += missing_msvc_runtime(files)
    if cfg.platform_key() == "macos":
        problems += macos_binaries_too_new(bundle)
    if problems:
        raise SystemExit("build.py: the bundle is incomplete: " + "; ".join(problems))
    say(f"bundle checked: {bundle}")


def missing_msvc_runtime(names) -> list[str]:
    """Problems for each MSVC runtime DLL Qt imports that is not among ``names``."""
    lowered = {name.lower() for name in names}
    return [
        f"{dll} (MSVC runtime) is missing: users would need the VC++ redistributable"
        for dll in cfg.MSVC_RUNTIME_DLLS
        if dll not in lowered
    ]


def macos_binaries_too_new(app: Path) -> list[str]:
    """Problems for binaries that need a newer macOS than the app's LSMinimumSystemVersion.

    PySide6 6.11.3 builds its Python binding modules (``*.abi3.so``, libpyside6,
    libshiboken6) with a deployment target of 15.0 while its wheels, and Qt's frameworks,
    say 13.0; dyld loads them on 13 and 14 all the same (the macos-14 CI job runs them).
    Those are reported, not refused; any other binary over the minimum fails the build.
    """
    import plistlib

    with (app / "Contents" / "Info.plist").open("rb") as handle:
        minimum = tuple(int(n) for n in plistlib.load(handle)["LSMinimumSystemVersion"].split("."))
    minimum = (*minimum, 0, 0)[:3]
    problems, bindings = [], []
    for path in sorted(p for p in app.rglob("*") if p.is_file() and not p.is_symlink()):
        for arch, version in macho.file_minimums(path).items():
            if version is None or version <= minimum or arch != platform.machine():
                continue
            relative = path.relative_to(app).as_posix()
            if cfg.is_binding_module(relative):
                bindings.append(relative)
            else:
                problems.append(
                    f"{relative} needs macOS {macho.text(version)} ({arch}), the "
                    f"Info.plist promises {macho.text(minimum)}"
                )
    if bindings:
        say(
            f"note: {len(bindings)} PySide6/shiboken6 binding modules record a newer macOS "
            f"than {macho.text(minimum)} (upstream build setting), e.g. {bindings[0]}"
        )
    return problems


def smoke_env(home: Path) -> dict[str, str]:
    env = {**os.environ, "MOVIZOR_DESKTOP_HOME": str(home)}
    if (
        sys.platform.startswith("linux")
        and not env.get("DISPLAY")
        and not env.get("WAYLAND_DISPLAY")
    ):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def smoke_test(bundle: Path, extra: list[str], timeout: float = 180.0) -> None:
    exe = executable(bundle, cfg.DEBUG_EXE_NAME)
    with tempfile.TemporaryDirectory(prefix="movizor-smoke-") as home:
        say(f"smoke test: {exe.name} --smoke-test {' '.join(extra)}".rstrip())
        result = subprocess.run(
            [str(exe), "--smoke-test", *extra],
            env=smoke_env(Path(home)),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        report = [
            line
            for line in (result.stderr + result.stdout).splitlines()
            if "movizor-desktop smoke" in line
        ]
        print("\n".join(report), flush=True)
        if result.returncode != 0:
            log_file = Path(home) / "logs" / "movizor-desktop.log"
            tail = (
                log_file.read_text(encoding="utf-8", errors="replace")[-4000:]
                if log_file.is_file()
                else "(no log)"
            )
            raise SystemExit(
                f"build.py: the frozen smoke test failed (exit status "
                f"{result.returncode})\n--- stderr ---\n{result.stderr[-4000:]}"
                f"\n--- log ---\n{tail}"
            )


# --- packages ---------------------------------------------------------------------------------


def package_linux(bundle: Path, out: Path) -> Path:
    """``<name>-<v>/`` = the bundle + INSTALL-LINUX.txt, the menu entry and its icon."""
    version = cfg.version()
    top = f"{cfg.EXE_NAME}-{version}"
    archive = out / f"{top}-linux-{machine()}.tar.gz"
    extras = {
        "INSTALL-LINUX.txt": HERE / "linux" / "INSTALL-LINUX.txt",
        "movizor-desktop.desktop": cfg.RESOURCES / "linux" / "movizor-desktop.desktop",
        "movizor-desktop.png": cfg.ICONS / "movizor.png",
    }
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=top)
        for name, source in extras.items():
            if source.is_file():
                tar.add(source, arcname=f"{top}/{name}")
            else:
                say(f"WARNING: {source} is missing: not in the archive")
    return archive


def find_iscc() -> str | None:
    candidates = [os.environ.get("ISCC"), shutil.which("ISCC"), shutil.which("iscc")]
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base:
            candidates.append(str(Path(base) / "Inno Setup 6" / "ISCC.exe"))
    return next((c for c in candidates if c and Path(c).is_file()), None)


def inno_command(iscc: str, bundle: Path, out: Path, signing: winsign.Signing | None) -> list[str]:
    numbers = ".".join(str(n) for n in cfg.version_tuple())
    command = [
        iscc,
        "/Qp",
        f"/DAppVersion={cfg.version()}",
        f"/DAppVersionNumbers={numbers}",
        f"/DSourceDir={bundle}",
        f"/DOutputDir={out}",
        f"/DAppExeName={cfg.EXE_NAME}.exe",
        f"/DAppDebugExeName={cfg.DEBUG_EXE_NAME}.exe",
    ]
    icon = cfg.icon_file("win32")
    if icon is not None:
        command.append(f"/DAppIcon={icon}")
    if signing is not None:
        command += ["/DSignInstaller", signing.inno_sign_tool("movizor")]
    command.append(str(HERE / "windows" / "movizor.iss"))
    return command


def package_windows(bundle: Path, out: Path) -> Path:
    iscc = find_iscc()
    if iscc is None:
        raise SystemExit(
            "build.py: Inno Setup 6.3+ (ISCC.exe) not found: install it "
            "(choco install innosetup) or set ISCC, or use --no-package"
        )
    try:
        signing = winsign.from_environment()
    except winsign.SigningError as exc:
        raise SystemExit(f"build.py: {exc}") from None
    executables = [executable(bundle, cfg.EXE_NAME), executable(bundle, cfg.DEBUG_EXE_NAME)]
    if signing is None:
        say(
            "WINDOWS_SIGN_CERT_SHA1 / WINDOWS_SIGN_CERT_FILE not set: the executables and the "
            "installer stay unsigned (SmartScreen and antivirus will warn)"
        )
    else:
        say(f"signing {', '.join(p.name for p in executables)} with signtool")
        winsign.run(signing, signing.sign_command(executables))
    command = inno_command(iscc, bundle, out, signing)
    shown = " ".join(command) if signing is None else signing.redact(" ".join(command))
    say(f"running {shown}")
    result = subprocess.run(command)
    if result.returncode != 0:  # ISCC prints its own error; the command may hold a password
        raise SystemExit(f"build.py: Inno Setup failed (exit status {result.returncode})")
    setup = out / f"Movizor-Desktop-{cfg.version()}-setup.exe"
    if signing is not None:
        winsign.run(signing, signing.verify_command([setup, *executables]))
        say(f"signatures verified: {setup.name}, {', '.join(p.name for p in executables)}")
    return setup


def package_macos(bundle: Path, out: Path) -> Path:
    dmg = out / f"Movizor-Desktop-{cfg.version()}-macos-{machine()}.dmg"
    subprocess.run(["bash", str(HERE / "macos" / "make_dmg.sh"), str(bundle), str(dmg)], check=True)
    return dmg


PACKAGERS = {"linux": package_linux, "windows": package_windows, "macos": package_macos}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "out", help="output folder")
    parser.add_argument(
        "--smoke-test", action="store_true", help="run the frozen app's --smoke-test after building"
    )
    parser.add_argument(
        "--smoke-args",
        default="",
        help="extra arguments for the smoke test, e.g. --smoke-require-keyring",
    )
    parser.add_argument(
        "--no-package", action="store_true", help="stop after the bundle (no installer/archive)"
    )
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

    compile_translations()
    run_pyinstaller(out, args.clean)
    bundle = bundle_dir(out)
    check_bundle(bundle)
    if args.smoke_test:
        smoke_test(bundle, args.smoke_args.split())
    package = None
    if not args.no_package:
        package = PACKAGERS[cfg.platform_key()](bundle, out)
    say(f"version {cfg.version()} for {cfg.platform_key()}-{machine()}")
    return report_sizes(bundle, package)


def report_sizes(bundle: Path, package: Path | None) -> int:
    """Print the sizes against the platform's budget; 1 when over it."""
    budget = cfg.SIZE_BUDGETS.get(cfg.platform_key())
    over = []
    for label, path, limit in (
        ("bundle ", bundle, budget and budget[0]),
        ("package", package, budget and budget[1]),
    ):
        if path is None:
            continue
        size = size_of(path)
        verdict = ""
        if limit:
            verdict = f" (budget {megabytes(limit)}: " + ("within)" if size <= limit else "OVER)")
            if size > limit:
                over.append(f"{path.name} is {megabytes(size)}, over {megabytes(limit)}")
        say(f"{label} {path}: {megabytes(size)}{verdict}")
    if over:
        say("FAILED: over the size budget: " + "; ".join(over))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
