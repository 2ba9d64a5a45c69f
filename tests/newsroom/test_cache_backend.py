"""newsroom.cache.RedisCache: Django's Redis backend that keeps its client."""

import os

import pytest
import redis

from newsroom.cache import RedisCache

REDIS_URL = os.environ.get("WARTA_TEST_REDIS_URL", "redis://127.0.0.1:6379/4")


@pytest.fixture
def backend():
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:  # pragma: no cover - CI always has Redis
        pytest.skip(f"needs Redis at {REDIS_URL}")
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": "warta-backend-test"})
    yield cache
    cache.delete_many(["ada", "banyak-1", "banyak-2"])


def test_the_client_is_made_once_and_reused(backend):
    first = backend._cache.get_client(None, write=False)
    assert backend._cache.get_client("ada", write=True) is first


def test_values_round_trip_through_the_kept_client(backend):
    backend.set("ada", {"isi": b"halaman"}, 30)
    backend.set_many({"banyak-1": 1, "banyak-2": 2}, 30)
    assert backend.get("ada") == {"isi": b"halaman"}
    assert backend.get_many(["banyak-1", "banyak-2", "tidak-ada"]) == {
        "banyak-1": 1,
        "banyak-2": 2,
    }
    assert backend.incr("banyak-1") == 2
