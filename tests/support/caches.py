"""What the shared cache holds, for tests that count its entries."""

from django.core.cache import cache


def cache_keys():
    """Every key in the default cache (local memory or Redis), prefix and all."""
    backend = getattr(cache, "_cache", None)
    if isinstance(backend, dict):  # LocMemCache keeps a plain dict
        return sorted(backend)
    client = cache._cache.get_client(None, write=False)  # RedisCache
    return sorted(key.decode() for key in client.keys("*"))
