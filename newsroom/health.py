"""``/healthz``: whether this app server can serve, for load balancers and
uptime checks. 200 only when the database, the cache and the media storage
all answer; 503 naming the part that does not. Never cached.

It also tells how far behind the background worker is (``queue``: tasks
waiting and the age of the oldest), which never makes it 503: a late worker
delays renditions, pages still show the originals."""

import time
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

PROBE_PREFIX = "healthz/"


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    key = f"warta:healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return the value it was given")
    cache.delete(key)


def _media():
    name = default_storage.save(
        f"{PROBE_PREFIX}{uuid.uuid4().hex}.txt", ContentFile(b"ok")
    )
    try:
        with default_storage.open(name) as probe:
            if probe.read() != b"ok":
                raise RuntimeError("media storage returned other bytes")
    finally:
        default_storage.delete(name)


CHECKS = {"database": _database, "cache": _cache, "media": _media}


def _queue():
    """Tasks waiting for the worker and the oldest one's age, in seconds.

    Two indexed reads of the task table; None unless tasks are queued in the
    database (the tests run them at once).
    """
    if not isinstance(task_backends["default"], DatabaseBackend):
        return None
    waiting = DBTaskResult.objects.filter(status="READY")
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True)
    oldest = oldest.first()
    age = (timezone.now() - oldest).total_seconds() if oldest else 0
    return {"ok": True, "waiting": waiting.count(), "oldest_seconds": round(age)}


@never_cache
def healthz(request):
    """Each check's outcome and the time it took, as JSON."""
    report, healthy = {}, True
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
        except Exception as error:  # any failure means "not healthy"
            healthy = False
            report[name] = {"ok": False, "error": error.__class__.__name__}
        else:
            report[name] = {"ok": True}
        report[name]["ms"] = round((time.perf_counter() - started) * 1000, 1)
    if report["database"]["ok"]:
        queue = _queue()
        if queue is not None:
            report["queue"] = queue
    return JsonResponse(report, status=200 if healthy else 503)
