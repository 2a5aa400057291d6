"""What the longest stalls of the 1,000-subscriber sync were made of: a profile of the
worst run, native code included.

    python tests/benchmarks/profile_stall.py               # trace only
    python tests/benchmarks/profile_stall.py --perf        # and sample with Linux perf
    python tests/benchmarks/profile_stall.py --in-process --runs 3

It runs the scenario of ``bench_ui.py``'s stall figure (:func:`bench_ui.stall_runs`) and,
for the longest event-loop gaps of every run, prints what overlapped them: the garbage
collector's passes (``gc.callbacks``) and the asyncio callbacks that ran 4 ms or longer.

A stall spent in Qt's C++ (painting, layout, proxy models) or in the collector is
invisible to a Python-stack sampler: the sampler's thread needs the GIL, which the busy
thread holds. ``--perf`` therefore runs the scenario under ``perf record`` (Debian's
``linux-perf``; its timestamps on CLOCK_MONOTONIC, the clock of ``time.perf_counter``)
and, for each of the longest gaps, counts the samples inside it by thread and innermost
native function, marking those taken inside the cyclic collector ("GC").
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def traced(runs: int, separate: bool, gaps_out: Path | None, top: int) -> None:
    from tests.benchmarks import bench_ui

    try:
        results = bench_ui.stall_runs(separate=separate, runs=runs)
    finally:
        bench_ui._close_loop()
    found = []
    for n, (trace, _result) in enumerate(results, 1):
        longest = sorted(trace.gaps(), key=lambda g: g[0] - g[1])[:top]
        print(
            f"run {n}: longest gaps "
            + ", ".join(f"{(e - s) * 1000:.1f}" for s, e in longest)
            + " ms"
        )
        for start, end in longest:
            print(f"  {(end - start) * 1000:.1f} ms")
            for line in trace.explain(start, end) or ["(no collection, no long callback)"]:
                print(f"    {line}")
            found.append((start, end))
    if gaps_out is not None:
        gaps_out.write_text(json.dumps({"pid": os.getpid(), "gaps": found}))


def perf_samples(data: Path) -> list[tuple[int, int, float, list[str]]]:
    """(pid, tid, time, frames innermost first) of every cpu-clock sample."""
    out = subprocess.run(
        ["perf", "script", "-i", str(data), "-F", "pid,tid,time,event,ip,sym,dso"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    samples: list[tuple[int, int, float, list[str]]] = []
    frames: list[str] = []
    for line in out.splitlines():
        head = re.match(r"\s*(\d+)/(\d+)\s+([\d.]+):\s+(\S+):", line)
        if head:
            frames = []
            if head[4].startswith("cpu-clock"):
                samples.append((int(head[1]), int(head[2]), float(head[3]), frames))
        elif line.strip():
            parts = line.strip().split(None, 1)
            frames.append(parts[1] if len(parts) > 1 else "?")
    return samples


def with_perf(args: argparse.Namespace) -> int:
    if shutil.which("perf") is None:
        print("perf is not installed (Debian: apt-get install linux-perf)")
        return 1
    folder = Path(tempfile.mkdtemp(prefix="profile-stall-"))
    data, gaps = folder / "perf.data", folder / "gaps.json"
    command = [
        sys.executable,
        __file__,
        "--runs",
        str(args.runs),
        "--top",
        str(args.top),
        "--gaps-out",
        str(gaps),
    ] + (["--in-process"] if args.in_process else [])
    subprocess.run(
        [
            "perf",
            "record",
            "-k",
            "CLOCK_MONOTONIC",
            "-F",
            "999",
            "-g",
            "-e",
            "cpu-clock",
            "-o",
            str(data),
            "--",
            *command,
        ],
        check=True,
    )
    samples = perf_samples(data)
    traced_run = json.loads(gaps.read_text())
    window = traced_run["pid"]
    for start, end in sorted(traced_run["gaps"], key=lambda g: g[0] - g[1])[: args.top]:
        counts: collections.Counter[str] = collections.Counter()
        for pid, tid, t, frames in samples:
            if start <= t <= end:
                who = (
                    "Qt thread"
                    if tid == window
                    else f"thread {tid}"
                    if pid == window
                    else f"process {pid}"
                )
                leaf = re.sub(r"\s*\(.*\)$", "", frames[0]) if frames else "?"
                gc = "GC " if any("gc_collect" in f for f in frames) else ""
                counts[f"{who}: {gc}{leaf}"] += 1
        print(f"\ngap {(end - start) * 1000:.1f} ms: {sum(counts.values())} samples at 1 kHz")
        for what, n in counts.most_common(15):
            print(f"  {n:4d}  {what}")
    print(f"\nperf data: {data}")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--top", type=int, default=3, help="gaps shown per run")
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="the simulator in this process (the pessimistic variant)",
    )
    parser.add_argument("--perf", action="store_true", help="sample with Linux perf")
    parser.add_argument("--gaps-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.perf:
        return with_perf(args)
    traced(args.runs, not args.in_process, args.gaps_out, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
