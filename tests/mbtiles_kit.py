"""Moved to :mod:`tests.kits.mbtiles`; this name stays only for tests/benchmarks (which import
it by its old place) until they are rebased onto the kits. Do not import it in tests."""

from tests.kits.mbtiles import *  # noqa: F403
