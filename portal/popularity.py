"""Counting reads for "Terpopuler" without a database write per read.

What we chose and why:

- Pages are cached whole, so the server that renders a story does not see
  most of its reads. The story page therefore asks the browser to report the
  read with one small ``navigator.sendBeacon`` POST to ``/baca/<id>/``, a
  response that is never cached. Readers without JavaScript (mostly bots) are
  not counted, which is what we want.
- Each report increments a per-story, per-day counter in the cache (an atomic
  INCR in Redis). The first read of a day writes at once (so a story read a
  few times still appears); after that only every ``READ_BATCH``-th read
  writes to the database, adding the batch to that day's
  ``ArticleDailyReads`` row and to ``Article.view_count``. A story read
  10,000 times an hour costs 1,000 small UPDATEs an hour, not 10,000; the
  remainder below one batch is lost at day's end or on cache eviction.
  "Terpopuler" only has to be about right.
- The counter updates use ``QuerySet.update``: no ``post_save``, so reading a
  story never invalidates the page cache. The list refreshes as cached pages
  expire.
"""

import datetime

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from articles.models import Article, ArticleDailyReads

READ_BATCH = 10
POPULAR_DAYS = 7
_KEY = "warta:reads:{day}:{article_id}"


def read_record(*, article_id, batch=READ_BATCH):
    """Count one read of a story; write to the database once per ``batch``."""
    day = timezone.localdate()
    key = _KEY.format(day=day.isoformat(), article_id=article_id)
    cache.add(key, 0, timeout=2 * 24 * 3600)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=2 * 24 * 3600)
        count = 1
    # The first read of the day is written at once, so a story read only a
    # few times still shows up; after that, one write per batch of reads.
    if count == 1:
        reads_flush(article_id=article_id, day=day, count=1)
    elif count % batch == 0:
        reads_flush(
            article_id=article_id, day=day, count=batch - 1 if count == batch else batch
        )


def reads_flush(*, article_id, day, count):
    """Add ``count`` reads of a visible story to the day's row (an upsert)."""
    if not Article.objects.visible().filter(pk=article_id).exists():
        return
    with transaction.atomic():
        updated = ArticleDailyReads.objects.filter(
            article_id=article_id, day=day
        ).update(count=F("count") + count)
        if not updated:
            try:
                with transaction.atomic():
                    ArticleDailyReads.objects.create(
                        article_id=article_id, day=day, count=count
                    )
            except IntegrityError:  # another worker created it just now
                ArticleDailyReads.objects.filter(article_id=article_id, day=day).update(
                    count=F("count") + count
                )
        Article.objects.filter(pk=article_id).update(view_count=F("view_count") + count)


def popular_articles(*, limit=5, days=POPULAR_DAYS):
    """The visible stories read most over the last ``days`` days (one query)."""
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    return (
        Article.objects.visible()
        .filter(daily_reads__day__gte=since)
        .annotate(recent_reads=Sum("daily_reads__count"))
        .order_by("-recent_reads", "-published_at")[:limit]
    )
