"""With REDIS_URL set, as production runs, the cache works (defect 14)."""

import os

from tests.support.processes import PROJECT, run_python

REDIS_URL = os.environ.get("WARTA_TEST_REDIS_URL", "redis://127.0.0.1:6379/4")
ROUND_TRIP = (
    "import django; django.setup(); from django.core.cache import caches; "
    "cache = caches['default']; cache.set('warta-redis-check', 'ada', 30); "
    "print(type(cache).__name__, cache.get('warta-redis-check')); "
    "cache.delete('warta-redis-check')"
)


def test_the_redis_cache_stores_and_reads_a_value():
    environ = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "REDIS_URL": REDIS_URL,
    }
    result = run_python("-c", ROUND_TRIP, env=environ)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["RedisCache", "ada"]


def test_redis_is_a_declared_dependency():
    pyproject = (PROJECT / "pyproject.toml").read_text()
    assert '"redis>=' in pyproject
