"""Django's Redis cache backend, keeping its Redis client object.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for
every cache call, over the same connection pool. Building one fills a table
of about 170 response callbacks, which costs more than the round trip to
Redis itself: a cached page's two cache calls spent a third of their time
there (measured with cProfile, see docs/benchmarks.md). A ``redis.Redis`` is
safe to share: it takes a connection from its pool for each command, and
the pool starts afresh in a forked process. So one is made per pool and
kept; everything else is Django's backend unchanged.
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            # The pool lives as long as this object (self._pools), so its id
            # is not reused while the entry exists.
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
