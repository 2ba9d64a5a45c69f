"""The public page cache: whole pages for anonymous readers, invalidated on change.

How it stays right:

- Every cached page is stored with the *generation* it was rendered under (a
  number kept in the cache) and served only while it is current. A change
  readers may see (publishing, unpublishing, a takedown, a deletion...)
  bumps it after its commit, once per transaction, so no page cached before
  is served again, not even as a stale copy. An edit of a story that stays
  published changes instead the version stored with that story's own page
  (refreshed at once) and the time of the last edit: other pages rendered
  before it are rebuilt once ``WARTA_PAGE_CACHE_STALE_SECONDS`` old
  (``pages_refresh``). ``portal.invalidation`` decides what counts. With
  ``REDIS_URL`` all this is shared by every app server; with local memory it
  is per process. A hit is one round trip: the generation, the last edit,
  the story's version and the page are read together (``_cache_lookup``).
- When a page's time is up, one request rebuilds it (it holds a short lock
  in the cache, ``cache.add``) while the others keep getting the expired
  copy, marked ``X-Warta-Cache: stale`` and uncacheable downstream, for up to
  ``WARTA_PAGE_CACHE_STALE_SECONDS``; a request that finds no copy while
  another rebuilds the page waits for it instead of rendering it too.
- A scheduled story becomes visible by the clock, not by a save. So no page
  is kept past the next scheduled ``published_at``: the cache lifetime (and
  the CDN's) is the smaller of ``WARTA_PAGE_CACHE_SECONDS`` and the time left
  until then.
- Only anonymous GET/HEAD requests for the pages named in ``PAGE_PARAMS`` are
  served from or stored in the cache; the admin, previews, the read counter
  and anything a view marks ``private``/``no-store`` are not. A logged-in
  user's pages are never cached and are marked ``private, no-store`` so no
  CDN keeps them either. Logged in means a session that exists in the
  session store and holds a user: a ``sessionid`` cookie alone proves
  nothing (anyone can send one), so a made-up cookie gets the cached page.
  Checking costs one session-store lookup, and only for requests that carry
  the cookie.

How it stays small (nobody can fill the cache from outside):

- A page's key is its path and only the query parameters that page reads
  (``PAGE_PARAMS``), the last value of each, empty ones dropped; anything
  else (``?utm_source=...``, ``?123``) is ignored, and the page renders from
  the same parameters (``page_params``), so it cannot differ.
- A page is stored only when those parameters are in their canonical form:
  a listing's ``?page=01``, ``?page=999`` or ``?page=abc``, or a search with
  an unknown rubric or a date typed another way, are rendered as before
  (the nearest page, the filter ignored) but marked ``private`` by the view
  (``not_stored``), so the number of stored pages is bounded by the pages
  the site really has (and, for search, the distinct searches typed).
- ``WARTA_PAGE_CACHE_SECONDS=0`` turns the cache off: pages are rendered
  for every request and the cache is not asked at all.
- Only ``200`` responses are stored: a missing story (404) or a redirect
  leaves nothing behind.
- Stored pages carry ``ETag``, ``Last-Modified`` and ``Cache-Control: public``
  so a CDN or reverse proxy can sit in front, and conditional requests get
  ``304 Not Modified``.
"""

import hashlib
import time
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date

from articles.models import Article

from .search_form import SearchForm

GENERATION_KEY = "warta:pages:generation"
EDITED_KEY = "warta:pages:edited-at"
STORY_KEY = "warta:pages:story:{slug}"
NEXT_SCHEDULED_KEY = "warta:pages:next-scheduled:{generation}"
# A page's key depends only on its address: the generation and story version
# it was rendered under are stored with it and compared on the way out, so
# the page and what decides whether it is current come in one round trip.
PAGE_KEY = "warta:pages:page:{digest}"
REBUILD_KEY = "warta:pages:rebuild:{key}:{generation}:{version}"
# How long one request may hold a page's rebuild (if it dies, the lock ends),
# and how long another waits for it when there is no copy to serve meanwhile.
REBUILD_LOCK_SECONDS = 10
REBUILD_WAIT_SECONDS = 3
BROWSER_MAX_AGE = 60
# The pages that may be cached, by URL name, with the query parameters each
# one reads. A page not listed here is never cached.
LISTING = ("page",)
PAGE_PARAMS = {
    "portal:home": (),
    "portal:detail": (),
    "portal:category": LISTING,
    "portal:tag": LISTING,
    "portal:agency": LISTING,
    "portal:official": LISTING,
    "portal:archive": LISTING,
    "portal:page": (),
    "portal:officials": LISTING,
    "portal:agencies": LISTING,
    "portal:categories": LISTING,
    "portal:search": (*SearchForm.base_fields, "page"),
    "portal:feed": (),
    "portal:category-feed": (),
    "portal:tag-feed": (),
    "portal:agency-feed": (),
    "portal:sitemap-index": (),
    "portal:sitemap-news": (),
    "portal:sitemap-section": ("p",),
    "portal:robots": (),
    "portal:corrections": LISTING,
    "portal:corrections-feed": (),
    "portal:story-changes": (),
}


def page_cache_seconds():
    return getattr(settings, "WARTA_PAGE_CACHE_SECONDS", 300)


def page_cache_stale_seconds():
    return settings.WARTA_PAGE_CACHE_STALE_SECONDS


def pages_generation():
    """The current generation; starts from the clock so it never repeats."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def pages_invalidate():
    """Make every cached public page unreachable at once; changes call it
    after their commit (``portal.invalidation``)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # evicted or never set: any new value will do
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def pages_refresh(*, slugs):
    """An edit of stories that stay visible: their own pages are unreachable
    at once, every other page is rebuilt once it is older than the edit and
    than ``WARTA_PAGE_CACHE_STALE_SECONDS``."""
    now = time.time_ns()
    # A version only has to outlive the pages stored before it; kept longer,
    # one key per story ever edited would pile up.
    versions = {STORY_KEY.format(slug=slug): now for slug in slugs}
    keep = 2 * (page_cache_seconds() + page_cache_stale_seconds())
    cache.set_many(versions, timeout=keep)
    cache.set(EDITED_KEY, now / 1e9, timeout=None)


def seconds_until_next_scheduled(generation):
    """Seconds until the next scheduled story goes live, or None if none is."""
    key = NEXT_SCHEDULED_KEY.format(generation=generation)
    now = time.time()
    moment = cache.get(key)
    if moment is None or (moment and moment <= now):
        next_at = (
            Article.objects.scheduled()
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        moment = next_at.timestamp() if next_at else 0
        cache.set(key, moment, timeout=page_cache_seconds())
    return max(1, int(moment - now) + 1) if moment else None


def _page_match(request):
    """The requested page's URL match, if it resolves."""
    match = request.resolver_match or getattr(request, "_warta_page_match", None)
    if match is None:  # in the middleware, before Django resolves the URL
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        request._warta_page_match = match  # asked three times per request
    return match


def _page_name(request):
    """The URL name of the requested page, if it resolves."""
    match = _page_match(request)
    return match.view_name if match else None


def page_params(request):
    """The query parameters the requested page reads, as a dict in a fixed
    order: the last value of each, empty ones dropped, any other ignored."""
    names = PAGE_PARAMS.get(_page_name(request), ())
    params = {}
    for name in names:
        value = request.GET.get(name, "")
        if value:
            params[name] = value
    return params


def not_stored(response):
    """Mark a page rendered from non-canonical parameters: shown, not stored
    (here or by a CDN)."""
    patch_cache_control(response, private=True)
    return response


def _logged_in(request):
    """Whether the request carries a session that exists and holds a user.

    The middleware runs before Django's session middleware (a cached page
    needs none of the middleware after it), so the session is loaded here,
    as that middleware would load it, when there is a cookie to load."""
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return False
    session = getattr(request, "session", None)
    if session is None:
        session = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    return SESSION_KEY in session


def _storable(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
    )


def _page_key(request):
    canonical = f"{request.path}?{urlencode(page_params(request))}"
    digest = hashlib.sha256(canonical.encode()).hexdigest()
    return PAGE_KEY.format(digest=digest)


def _rebuild_lock(key, generation, version):
    """The lock of one rebuild: of this page, for this generation and version
    (a rebuild started before an invalidation does not hold up the next)."""
    return REBUILD_KEY.format(key=key, generation=generation, version=version)


def _cache_lookup(request, key):
    """The generation, the time of the last edit, on a story's page the
    story's own version, and the stored page if it was rendered under that
    generation and version: one round trip to the cache."""
    match = _page_match(request)
    keys = [GENERATION_KEY, EDITED_KEY, key]
    story = None
    if match.view_name == "portal:detail":
        story = STORY_KEY.format(slug=match.kwargs["slug"])
        keys.append(story)
    state = cache.get_many(keys)
    generation = state.get(GENERATION_KEY) or pages_generation()
    version = state.get(story)
    stored = _current(state.get(key), generation, version)
    return generation, state.get(EDITED_KEY, 0), version, stored


def _current(stored, generation, version):
    """The stored page, if it was rendered under this generation and version."""
    current = stored and (stored.get("generation"), stored.get("version"))
    return stored if current == (generation, version) else None


def _fresh(stored, edited_at, now):
    """Within its lifetime, and rendered after the last edit or not long
    before it."""
    rendered_at = stored.get("rendered_at", 0)
    return stored.get("fresh_until", 0) > now and (
        rendered_at > edited_at or now - rendered_at < page_cache_stale_seconds()
    )


class PublicPageCacheMiddleware:
    """Serve and store whole public pages for anonymous readers (see above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or _page_name(request) not in (
            PAGE_PARAMS
        ):
            return self.get_response(request)
        if _logged_in(request):
            response = self.get_response(request)
            # A logged-in reader's page must not be kept by a CDN either.
            patch_cache_control(response, private=True, no_store=True)
            return response
        if page_cache_seconds() <= 0:
            # The page cache is off: nothing to look up, lock or store.
            return self.get_response(request)

        key = _page_key(request)
        generation, edited_at, version, stored = _cache_lookup(request, key)
        lock = _rebuild_lock(key, generation, version)
        if stored is not None and _fresh(stored, edited_at, time.time()):
            return _cached_response(request, stored, fresh=True)
        if not cache.add(lock, 1, timeout=REBUILD_LOCK_SECONDS):
            # Another request is rebuilding this page: serve the copy that
            # just expired, or wait for the new one rather than render it too.
            if stored is None:
                stored = _wait_for_rebuild(key, lock, generation, version)
                if stored is not None:
                    return _cached_response(request, stored, fresh=True)
            else:
                return _cached_response(request, stored, fresh=False)
        try:
            return self._render_and_store(request, key, generation, version)
        finally:
            cache.delete(lock)

    def _render_and_store(self, request, key, generation, version):
        rendered_at = time.time()  # before any row is read
        response = self.get_response(request)
        if request.method != "GET" or not _storable(response):
            return response

        lifetime = page_cache_seconds()
        until_scheduled = seconds_until_next_scheduled(generation)
        if until_scheduled is not None:
            lifetime = min(lifetime, until_scheduled)
        last_modified = int(time.time())
        digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        response["ETag"] = f'"{digest}"'
        response["Last-Modified"] = http_date(last_modified)
        patch_cache_control(
            response,
            public=True,
            max_age=min(BROWSER_MAX_AGE, lifetime),
            s_maxage=lifetime,
        )
        patch_vary_headers(response, ["Cookie"])
        cache.set(
            key,
            {
                "content": response.content,
                "headers": {
                    name: value
                    for name, value in response.items()
                    if name.lower() != "set-cookie"
                },
                "last_modified": last_modified,
                "rendered_at": rendered_at,
                "fresh_until": time.time() + lifetime,
                "generation": generation,
                "version": version,
            },
            # Kept a little past its freshness, to be served while rebuilt.
            timeout=lifetime + page_cache_stale_seconds(),
        )
        response["X-Warta-Cache"] = "miss"
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=last_modified,
            response=response,
        )


def _cached_response(request, stored, *, fresh):
    """A stored page; its lifetime for browsers and CDNs is what is left of it
    (none when it is a stale copy served during a rebuild)."""
    response = HttpResponse(stored["content"], status=200)
    for name, value in stored["headers"].items():
        response[name] = value
    left = max(0, int(stored["fresh_until"] - time.time())) if fresh else 0
    patch_cache_control(response, max_age=min(BROWSER_MAX_AGE, left), s_maxage=left)
    response["X-Warta-Cache"] = "hit" if fresh else "stale"
    return get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=stored["last_modified"],
        response=response,
    )


def _wait_for_rebuild(key, lock, generation, version):
    """The page another request is rendering, once stored; None if it was not
    stored (not storable, or the wait ran out)."""
    deadline = time.monotonic() + REBUILD_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(0.02)
        state = cache.get_many([key, lock])
        stored = _current(state.get(key), generation, version)
        if stored is not None or lock not in state:
            return stored
    return None
