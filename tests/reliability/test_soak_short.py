"""A short soak (slow): 500 subscribers for a simulated 4 hours on the accelerated clock,
the real session and window, in a process of its own (tests/benchmarks/bench_soak.py).
The full day runs with ``python tests/benchmarks/run_all.py soak``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_soak.py"


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_a_short_soak_stays_within_budget_and_keeps_the_cache_whole():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(BENCH), "--hours", "4", "--fleet", "500"],
        capture_output=True,
        text=True,
        timeout=280,
        env=env,
        check=True,
    )
    figures = {f["name"]: f["value"] for f in map(json.loads, done.stdout.splitlines())}
    assert figures["soak_simulated_hours"] == 4
    assert figures["soak_sync_cycles"] >= 4
    assert figures["soak_max_requests_per_hour"] <= 5000
    assert figures["soak_first_hour_requests"] <= 5000
    assert figures["soak_quota_refusals"] == 0
    assert figures["soak_cache_integrity_ok"] == 1
    assert figures["soak_cache_rows_match_fleet"] == 1
    assert figures["soak_qobjects_growth"] <= 0 and figures["soak_qtimers_growth"] <= 0
    assert figures["soak_rss_growth_last_75pct"] < 25  # the README's goal, as the full soak
