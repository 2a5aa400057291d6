"""Moved to :mod:`tests.kits.hostile_files`; this name stays only for tests/benchmarks (which import
it by its old place) until they are rebased onto the kits. Do not import it in tests."""

from tests.kits.hostile_files import *  # noqa: F403
