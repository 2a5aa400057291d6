"""Moved to :mod:`tests.kits.map`; this name stays only for tests/benchmarks (which import
it by its old place) until they are rebased onto the kits. Do not import it in tests."""

from tests.kits.map import *  # noqa: F403
