"""At most ``limit`` actions per client per window, counted atomically
across processes and servers.

With REDIS_URL the count lives in Redis: one Lua script reads, INCRs and
sets the EXPIRE in a single step, through django-redis's raw client (the
cache's IGNORE_EXCEPTIONS does not apply to it). Without Redis it is a
``RateLimitCounter`` row, locked with ``select_for_update``.

It fails closed: when the store cannot be reached, ``acquire`` raises
``Unavailable`` and the caller refuses the action. A slot taken for an
action that then failed is given back with ``release``, so only actions
that happened count.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac
from redis.exceptions import RedisError

from core.models import RateLimitCounter

logger = logging.getLogger(__name__)

# KEYS[1] counter, ARGV[1] limit, ARGV[2] window in seconds. The window
# starts with the first action; a refused attempt does not count.
ACQUIRE = """
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count >= tonumber(ARGV[1]) then return 0 end
if redis.call('INCR', KEYS[1]) == 1 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
return 1
"""
# Never below zero, and never recreate a counter whose window has ended.
RELEASE = """
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return count
"""


class Unavailable(Exception):
    """The counter store could not be reached: refuse the action."""


def _key(scope: str, ident: str) -> str:
    # A keyed hash: neither Redis nor the table holds visitors' addresses.
    digest = salted_hmac("core.ratelimit", f"{scope}:{ident}").hexdigest()[:40]
    return f"ratelimit:{scope}:{digest}"


def acquire(scope: str, ident: str, limit: int, window: int) -> bool:
    """Take one of ``limit`` slots of ``ident`` in ``scope`` for ``window``
    seconds. False when none is left; raises Unavailable when the store is
    unreachable."""
    key = _key(scope, ident)
    try:
        if settings.REDIS_URL:
            return bool(_redis().eval(ACQUIRE, 1, key, limit, window))
        return _acquire_row(key, limit, window)
    except (RedisError, DatabaseError) as error:
        logger.error("Rate limit store unreachable (%s): refusing %s", error, scope)
        raise Unavailable(scope) from error


def release(scope: str, ident: str) -> None:
    """Give back a slot taken by ``acquire`` for an action that failed."""
    key = _key(scope, ident)
    try:
        if settings.REDIS_URL:
            _redis().eval(RELEASE, 1, key)
        else:
            RateLimitCounter.objects.filter(key=key, count__gt=0).update(count=F("count") - 1)
    except (RedisError, DatabaseError) as error:
        # The slot stays taken until the window ends: the safe side.
        logger.error("Rate limit store unreachable (%s): %s slot not given back", error, scope)


def _redis():
    from django_redis import get_redis_connection

    return get_redis_connection("default")


def _acquire_row(key: str, limit: int, window: int) -> bool:
    now = timezone.now()
    expires_at = now + timedelta(seconds=window)
    with transaction.atomic():
        # Write before reading: on SQLite this takes the write lock first, so
        # two requests cannot both read and then fail to upgrade. It also
        # starts a new window when the last one has ended.
        RateLimitCounter.objects.filter(key=key, expires_at__lte=now).update(
            count=0, expires_at=expires_at
        )
        counter, created = RateLimitCounter.objects.select_for_update().get_or_create(
            key=key, defaults={"expires_at": expires_at}
        )
        if created:
            # Other clients' ended windows; cheap, and keeps the table small.
            RateLimitCounter.objects.filter(expires_at__lte=now).delete()
        if counter.count >= limit:
            return False
        RateLimitCounter.objects.filter(pk=counter.pk).update(count=F("count") + 1)
        return True
