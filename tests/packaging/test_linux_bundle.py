"""Linux: which libraries of the build machine the bundle keeps, and the size budget that
build.py enforces. (The real bundle: test_frozen_bundle.py.)"""

from __future__ import annotations

from pathlib import Path

from tests.packaging.test_packaging_files import load

build = load("build", "movizor_packaging_build")
cfg = build.cfg

SYSTEM = "/usr/lib/x86_64-linux-gnu"
SITE = "/opt/python/lib/python3.11/site-packages"


def entry(dest: str, src: str) -> tuple[str, str, str]:
    return (dest, src, "BINARY")


# What ldd would say each binary loads (transitively).
LDD = {
    f"{SITE}/../lib-dynload/_ssl.so": ["libssl.so.3", "libcrypto.so.3", "libc.so.6"],
    "/opt/python/lib/libpython3.11.so.1.0": ["libm.so.6", "libc.so.6"],
    f"{SITE}/PySide6/Qt/plugins/platformthemes/libqgtk3.so": [
        "libgtk-3.so.0",
        "libgdk-3.so.0",
        "libglib-2.0.so.0",
        "libQt6Gui.so.6",
    ],
    f"{SITE}/PySide6/Qt/plugins/platforms/libqxcb.so": ["libxcb-cursor.so.0", "libX11.so.6"],
    f"{SITE}/PySide6/Qt/lib/libQt6WebEngineCore.so.6": ["libnss3.so", "libasound.so.2"],
    f"{SYSTEM}/libgtk-3.so.0": ["libglib-2.0.so.0"],
}


def imports_of(path: str) -> list[tuple[str, str | None]]:
    return [(name, f"{SYSTEM}/{name}") for name in LDD.get(path, [])]


ENTRIES = [
    entry("lib-dynload/_ssl.so", f"{SITE}/../lib-dynload/_ssl.so"),
    entry("libpython3.11.so.1.0", "/opt/python/lib/libpython3.11.so.1.0"),
    entry(
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        f"{SITE}/PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    ),
    entry(
        "PySide6/Qt/plugins/platforms/libqxcb.so", f"{SITE}/PySide6/Qt/plugins/platforms/libqxcb.so"
    ),
    entry(
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6", f"{SITE}/PySide6/Qt/lib/libQt6WebEngineCore.so.6"
    ),
    *(
        entry(name, f"{SYSTEM}/{name}")
        for name in (
            "libssl.so.3",
            "libcrypto.so.3",
            "libgtk-3.so.0",
            "libgdk-3.so.0",
            "libglib-2.0.so.0",
            "libxcb-cursor.so.0",
            "libX11.so.6",
            "libnss3.so",
            "libasound.so.2",
        )
    ),
]


def test_host_libraries_only_qt_needs_are_left_to_the_desktop():
    kept, dropped = cfg.split_host_libraries(ENTRIES, imports_of)
    assert {Path(d).name for d, _s, _k in dropped} == {
        "libgtk-3.so.0",
        "libgdk-3.so.0",
        "libglib-2.0.so.0",
        "libX11.so.6",
        "libasound.so.2",
    }
    names = {Path(d).name for d, _s, _k in kept}
    assert {"libssl.so.3", "libcrypto.so.3"} <= names  # Python's ssl module needs them
    assert {"libxcb-cursor.so.0", "libnss3.so"} <= names  # often missing on desktops
    assert "libqgtk3.so" in names  # the native look stays
    assert len(kept) + len(dropped) == len(ENTRIES)


def test_python_from_a_system_package_is_kept():
    """Debian's python3.11 has libpython under /usr/lib: it is Python, not the desktop."""
    entries = [
        entry("libpython3.11.so.1.0", f"{SYSTEM}/libpython3.11.so.1.0"),
        entry("libexpat.so.1", f"{SYSTEM}/libexpat.so.1"),
    ]
    kept, dropped = cfg.split_host_libraries(
        entries, lambda path: [("libexpat.so.1", None)] if "python" in path else []
    )
    assert [Path(d).name for d, _s, _k in kept] == ["libpython3.11.so.1.0", "libexpat.so.1"]
    assert dropped == []


def test_what_is_a_host_library():
    assert cfg.is_host_library("/lib/x86_64-linux-gnu/libgtk-3.so.0")
    assert cfg.is_host_library("/usr/lib64/libnss3.so")
    assert not cfg.is_host_library(f"{SITE}/PySide6/Qt/lib/libQt6Core.so.6")
    assert not cfg.is_host_library("/usr/lib/python3/dist-packages/foo/data.json")


def test_sizes_are_reported_against_the_budget(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cfg, "platform_key", lambda platform=None: "linux")
    monkeypatch.setitem(cfg.SIZE_BUDGETS, "linux", (3_000_000, 1_000_000))
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "lib.so").write_bytes(bytes(2_000_000))
    (bundle / "twin").symlink_to("lib.so")  # a symlink costs nothing
    package = tmp_path / "app.tar.gz"
    package.write_bytes(bytes(900_000))
    assert build.report_sizes(bundle, package) == 0
    out = capsys.readouterr().out
    assert f"bundle  {bundle}: 2 MB (budget 3 MB: within)" in out
    assert f"package {package}: 1 MB (budget 1 MB: within)" in out

    package.write_bytes(bytes(1_200_000))
    assert build.report_sizes(bundle, package) == 1
    out = capsys.readouterr().out
    assert "(budget 1 MB: OVER)" in out
    assert "FAILED: over the size budget: app.tar.gz is 1 MB, over 1 MB" in out


def test_no_budget_no_verdict(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cfg, "platform_key", lambda platform=None: "windows")
    (tmp_path / "a.exe").write_bytes(bytes(10))
    assert build.report_sizes(tmp_path, None) == 0
    assert "(budget" not in capsys.readouterr().out


def test_linux_budget_is_the_goal():
    assert cfg.SIZE_BUDGETS["linux"] == (475_000_000, 200_000_000)
