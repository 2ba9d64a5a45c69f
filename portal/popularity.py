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

What keeps the list from being bought:

- A reader counts once per story per day. A reader is a keyed hash
  (``salted_hmac``, so it cannot be turned back into an address) of the
  client's address and browser name, kept in the cache for a day; nothing
  about readers reaches the database. Since the browser name is the client's
  to choose, one address counts at most ``READERS_PER_ADDRESS`` readers per
  story per day (an office or a phone network shares one address).
- The address is ``REMOTE_ADDR``; behind a reverse proxy, set
  ``BEHIND_TLS_PROXY`` and the last ``X-Forwarded-For`` entry (the
  one the proxy added) is used instead. Without the setting the header is
  ignored, since any client can send it.
- Reports sent from other websites are refused (``sent_from_this_site``): a
  page elsewhere could otherwise make each of its visitors report a read.
- A report for a story that does not exist or readers may not see is refused
  before anything is written to the cache. Visible stories are remembered in
  the cache for the current page-cache generation, so counting a read of a
  known story costs no query.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.crypto import salted_hmac

from articles.models import Article, ArticleDailyReads

from .caching import page_cache_seconds, pages_generation

READ_BATCH = 10
POPULAR_DAYS = 7
READERS_PER_ADDRESS = 20
DAY = 24 * 3600
_KEY = "warta:reads:{day}:{article_id}"
_READER_KEY = "warta:reads:reader:{day}:{article_id}:{reader}"
_ADDRESS_KEY = "warta:reads:address:{day}:{article_id}:{address}"
_VISIBLE_KEY = "warta:reads:visible:{generation}:{article_id}"


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def sent_from_this_site(request):
    """Whether a read report came from a page of this site.

    Browsers say where a request comes from in ``Sec-Fetch-Site`` (a beacon
    from the story page says ``same-origin``) and, for a POST, in ``Origin``.
    A request with neither (an older browser) is let through: it can only be
    counted once a day like any other reader.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site != "same-origin":
        return False
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    own = {
        _origin(settings.WARTA_SITE_URL),
        f"{request.scheme}://{request.get_host()}".lower(),
    }
    return origin.lower() in own


def client_address(request):
    """The client's address: ``REMOTE_ADDR``, or the address the trusted
    reverse proxy appended to ``X-Forwarded-For``."""
    if settings.BEHIND_TLS_PROXY:
        forwarded = request.headers.get("X-Forwarded-For", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR", "")


def _digest(*parts):
    value = "\n".join(parts)
    return salted_hmac("warta.reads", value, algorithm="sha256").hexdigest()[:32]


def story_readable(article_id):
    """Whether readers may see story ``article_id``; only a yes is cached."""
    if not 0 < article_id < 2**63:  # no such id in any database
        return False
    key = _VISIBLE_KEY.format(generation=pages_generation(), article_id=article_id)
    if cache.get(key):
        return True
    if not Article.objects.visible().filter(pk=article_id).exists():
        return False
    cache.set(key, True, timeout=page_cache_seconds())
    return True


def _first_read_today(request, article_id, day):
    """Whether this reader has not been counted for this story today."""
    address = client_address(request)
    user_agent = request.headers.get("User-Agent", "")[:512]
    reader_key = _READER_KEY.format(
        day=day, article_id=article_id, reader=_digest(address, user_agent)
    )
    if not cache.add(reader_key, 1, timeout=DAY):
        return False
    address_key = _ADDRESS_KEY.format(
        day=day, article_id=article_id, address=_digest(address)
    )
    cache.add(address_key, 0, timeout=DAY)
    try:
        readers = cache.incr(address_key)
    except ValueError:  # evicted between add and incr
        return False
    return readers <= READERS_PER_ADDRESS


def read_report(request, *, article_id):
    """Count a read of a visible story reported by ``request``, at most once
    per reader per day. Returns False if the story is not one readers see."""
    if not story_readable(article_id):
        return False
    day = timezone.localdate()
    if _first_read_today(request, article_id, day.isoformat()):
        read_record(article_id=article_id, day=day)
    return True


def read_record(*, article_id, day=None, batch=READ_BATCH):
    """Count one read of a story; write to the database once per ``batch``."""
    day = day or timezone.localdate()
    key = _KEY.format(day=day.isoformat(), article_id=article_id)
    cache.add(key, 0, timeout=2 * DAY)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=2 * DAY)
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
    """The visible stories read most over the last ``days`` days (one query):
    their titles and addresses, what the list shows (not their bodies)."""
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    return (
        Article.objects.visible()
        .only("title", "slug", "published_at")
        .filter(daily_reads__day__gte=since)
        .annotate(recent_reads=Sum("daily_reads__count"))
        .order_by("-recent_reads", "-published_at")[:limit]
    )
