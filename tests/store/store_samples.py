"""Moved to :mod:`tests.kits.store_samples`; this name stays only for tests/benchmarks (which import
it by its old place) until they are rebased onto the kits. Do not import it in tests."""

from tests.kits.store_samples import *  # noqa: F403
