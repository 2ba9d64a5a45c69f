"""What the shared cache holds, for tests that count its entries."""

from django.core.cache import cache
from django.db import connection
from django.test import TestCase


def cache_keys():
    """Every key in the default cache (local memory or Redis), prefix and all."""
    backend = getattr(cache, "_cache", None)
    if isinstance(backend, dict):  # LocMemCache keeps a plain dict
        return sorted(backend)
    client = cache._cache.get_client(None, write=False)  # RedisCache
    return sorted(key.decode() for key in client.keys("*"))


def committed():
    """A block whose on-commit callbacks (the page cache's invalidation) run
    at its end, as the commit would run them: a test's own transaction never
    commits. The test's writes before the block count as committed already
    (their pending invalidation is not merged into the block's)."""
    connection.warta_pages_batch = None
    return TestCase.captureOnCommitCallbacks(execute=True)
