"""Django's Redis cache, with one client per connection pool instead of one per call.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every
cache operation; with redis-py 8 that construction (its response-callback
table) cost about 0.3 ms, more than the round trip itself, and every API
request makes several (credentials, throttle, rendered reads). A client is
a thin, thread-safe handle on its pool, so one per pool is enough.
"""

from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class _PooledClients(RedisCacheClient):
    # Keyed by reads and writes, which with the one server the settings
    # configures share one pool: Django picks a random replica only when
    # LOCATION lists several.
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[bool, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        client = self._clients.get(write)
        if client is None:
            client = self._clients[write] = super().get_client(key, write=write)
        return client


class PooledRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _PooledClients
