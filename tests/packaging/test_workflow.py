"""The GitHub workflow, by design: tests on every push and pull request on Ubuntu, Windows
and macOS (Apple silicon and Intel), then the frozen app's smoke test and the installers
on each; wheelhouses made on Linux and installed offline on each OS; every action pinned
to a commit. (Its schema, zizmor and shellcheck: test_static_checks.py.)"""

from __future__ import annotations

import re

import pytest

from tests.packaging.test_packaging_files import ROOT

yaml = pytest.importorskip("yaml")

WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"
RUNNERS = {
    "linux-x64": "ubuntu-",
    "windows-x64": "windows-",
    "macos-arm64": "macos-14",
    "macos-x64": "-intel",
}


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True


def runs_on(step: dict, os_name: str) -> bool:
    condition = step.get("if", "")
    return not condition or f"runner.os == '{os_name}'" in condition


def test_runs_on_every_push_and_pull_request(workflow):
    on = triggers(workflow)
    assert "push" in on and "pull_request" in on
    for event in ("push", "pull_request"):
        assert not (on[event] or {}), f"{event} is filtered: {on[event]}"
    assert workflow["permissions"] == {}


@pytest.mark.parametrize(
    ("name", "os_name"),
    [
        ("linux-x64", "Linux"),
        ("windows-x64", "Windows"),
        ("macos-arm64", "macOS"),
        ("macos-x64", "macOS"),
    ],
)
def test_each_os_runs_the_tests_then_the_frozen_smoke_test_then_ships(workflow, name, os_name):
    job = workflow["jobs"]["app"]
    runner = {entry["name"]: entry["os"] for entry in job["strategy"]["matrix"]["include"]}
    assert RUNNERS[name] in runner[name]
    commands = [step.get("run", "") for step in job["steps"] if runs_on(step, os_name)]
    tests = next(i for i, c in enumerate(commands) if c.strip() == "python -m pytest")
    frozen = next(i for i, c in enumerate(commands) if "packaging/build.py --smoke-test" in c)
    installed = next(
        i for i, c in enumerate(commands) if "--smoke-test" in c and "build.py" not in c
    )
    assert tests < frozen < installed
    uploads = [
        step
        for step in job["steps"]
        if "upload-artifact" in step.get("uses", "") and "if" not in step
    ]
    assert len(uploads) == 1
    assert uploads[0]["with"]["if-no-files-found"] == "error"
    for pattern in ("packaging/out/*.exe", "packaging/out/*.dmg", "packaging/out/*.tar.gz"):
        assert pattern in uploads[0]["with"]["path"]


def test_windows_installs_both_ways_and_uninstalls(workflow):
    text = WORKFLOW.read_text(encoding="utf-8")
    for needed in (
        '"/CURRENTUSER"',
        '"/ALLUSERS"',
        '"/VERYSILENT"',
        "unins000.exe",
        "Start Menu\\Programs",
    ):
        assert needed in text, needed


def test_wheelhouses_are_made_on_linux_and_installed_offline_everywhere(workflow):
    jobs = workflow["jobs"]
    assert jobs["wheelhouses"]["runs-on"].startswith("ubuntu-")
    make = " ".join(step.get("run", "") for step in jobs["wheelhouses"]["steps"])
    for target in RUNNERS:
        assert f"--target {target}" in make
    offline = jobs["offline-install"]
    assert offline["needs"] == "wheelhouses"
    assert {entry["name"] for entry in offline["strategy"]["matrix"]["include"]} == set(RUNNERS)
    assert not any("checkout" in step.get("uses", "") for step in offline["steps"])
    install = " ".join(step.get("run", "") for step in offline["steps"])
    assert "pip install --no-index --find-links wheelhouse movizor-desktop" in install
    assert "--smoke-test" in install


def test_every_action_is_pinned_to_a_commit():
    lines = [
        line
        for line in WORKFLOW.read_text(encoding="utf-8").splitlines()
        if re.match(r"\s*(-\s+)?uses:", line)
    ]
    assert len(lines) >= 10
    for line in lines:
        assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+$", line), line


def test_checkouts_keep_no_credentials(workflow):
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if "actions/checkout" in step.get("uses", ""):
                assert step["with"]["persist-credentials"] is False
