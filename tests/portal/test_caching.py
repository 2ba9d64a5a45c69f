"""The public page cache (portal/caching.py): served, invalidated, bypassed."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.utils import timezone

from articles.models import Article
from articles.workflow import article_unpublish
from portal.caching import _page_key, _rebuild_lock, pages_generation
from tests.support.caches import committed
from tests.support.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


def _get(client, path="/"):
    response = client.get(path)
    assert response.status_code == 200
    return response


def test_second_anonymous_request_is_served_from_the_cache(
    client, django_assert_num_queries
):
    ArticleFactory(published=True, title="Berita pertama")
    assert _get(client)["X-Warta-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = _get(client)
    assert response["X-Warta-Cache"] == "hit"
    assert "Berita pertama" in response.content.decode()


def test_a_cached_page_costs_one_round_trip_to_the_cache(client, monkeypatch):
    """The generation, the last edit, the story's version and the page itself
    come in one ``get_many``: no other cache call for a hit."""
    story = ArticleFactory(published=True, title="Sekali jalan")
    path = story.get_absolute_url()
    assert _get(client, path)["X-Warta-Cache"] == "miss"
    calls, inside = [], []
    for name in ("get", "get_many", "add", "set", "delete", "incr"):
        method = getattr(cache, name)

        def counted(*args, _name=name, _method=method, **kwargs):
            if not inside:  # local memory's get_many calls its own get
                calls.append(_name)
            inside.append(_name)
            try:
                return _method(*args, **kwargs)
            finally:
                inside.pop()

        monkeypatch.setattr(cache, name, counted)
    response = _get(client, path)
    assert response["X-Warta-Cache"] == "hit"
    assert "Sekali jalan" in response.content.decode()
    assert calls == ["get_many"]


def test_a_page_stored_under_another_generation_is_not_served(client, rf):
    """The page's key does not change with the generation: what it was
    rendered under is checked on the way out."""
    article = ArticleFactory(published=True, title="Versi lama")
    _get(client)
    Article.objects.filter(pk=article.pk).update(title="Versi baru")  # no signal
    stored = cache.get(_page_key(rf.get("/")))
    assert stored["generation"] == pages_generation()
    cache.incr("warta:pages:generation")
    response = _get(client)
    assert response["X-Warta-Cache"] == "miss"
    assert "Versi baru" in response.content.decode()


def test_a_cache_lifetime_of_zero_renders_every_page_and_stores_none(client, settings):
    settings.WARTA_PAGE_CACHE_SECONDS = 0
    article = ArticleFactory(published=True, title="Berita pertama")
    assert "X-Warta-Cache" not in _get(client)
    Article.objects.filter(pk=article.pk).update(title="Judul baru")
    response = _get(client)
    assert "X-Warta-Cache" not in response
    assert "Judul baru" in response.content.decode()


def test_cached_pages_carry_cdn_headers_and_answer_conditional_requests(client):
    ArticleFactory(published=True)
    first = _get(client)
    assert "public" in first["Cache-Control"]
    assert "s-maxage=" in first["Cache-Control"]
    assert first["ETag"] and first["Last-Modified"]
    assert "Cookie" in first["Vary"]
    again = client.get("/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    again = client.get("/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_publishing_a_story_shows_it_at_once(client):
    article = ArticleFactory(title="Segera terbit")
    assert "Segera terbit" not in _get(client).content.decode()
    # As the workflow services save: only some fields.
    article.status = Article.Status.PUBLISHED
    article.published_at = timezone.now()
    with committed():
        article.save(update_fields=["status", "published_at"])
    assert "Segera terbit" in _get(client).content.decode()


def test_editing_a_story_refreshes_its_page_at_once_and_others_within_the_lag(
    client, settings
):
    settings.WARTA_PAGE_CACHE_STALE_SECONDS = 60
    article = ArticleFactory(published=True, title="Judul awal")
    _get(client, article.get_absolute_url())
    _get(client)
    article.title = "Judul diperbaiki"
    with committed():
        article.save(update_fields=["title"])
    story = _get(client, article.get_absolute_url())
    assert story["X-Warta-Cache"] == "miss"
    assert "Judul diperbaiki" in story.content.decode()
    # The home page is younger than the lag allowed after an edit: kept.
    assert "Judul awal" in _get(client).content.decode()
    settings.WARTA_PAGE_CACHE_STALE_SECONDS = 0
    home = _get(client)
    assert home["X-Warta-Cache"] == "miss"
    assert "Judul diperbaiki" in home.content.decode()
    assert _get(client)["X-Warta-Cache"] == "hit"  # rendered after the edit


def test_unpublishing_a_story_removes_it_at_once(client):
    article = ArticleFactory(published=True, title="Akan diturunkan")
    _get(client, article.get_absolute_url())
    article.status = Article.Status.UNPUBLISHED
    with committed():
        article.save(update_fields=["status"])
    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Akan diturunkan" not in _get(client).content.decode()


def test_deleting_a_story_and_changing_its_tags_invalidate(client):
    article = ArticleFactory(published=True, title="Dihapus nanti")
    _get(client, article.get_absolute_url())
    with committed():
        article.tags.add("karhutla")
    assert "karhutla" in _get(client, article.get_absolute_url()).content.decode()
    _get(client)
    with committed():
        article.delete()
    assert "Dihapus nanti" not in _get(client).content.decode()


def test_scheduled_story_appears_when_its_time_comes_without_any_save(client):
    ArticleFactory(published=True, title="Sudah terbit")
    ArticleFactory(
        status=Article.Status.PUBLISHED,
        title="Terjadwal sebentar lagi",
        published_at=timezone.now() + datetime.timedelta(seconds=2),
    )
    response = _get(client)
    assert "Terjadwal sebentar lagi" not in response.content.decode()
    # The page may only be kept until the scheduled time.
    assert (
        "s-maxage=3" in response["Cache-Control"]
        or "s-maxage=2" in response["Cache-Control"]
    )
    time.sleep(3.1)
    assert "Terjadwal sebentar lagi" in _get(client).content.decode()


def test_logged_in_users_are_never_served_from_nor_stored_in_the_cache(client):
    ArticleFactory(published=True, title="Versi lama")
    _get(client)  # anonymous: now cached
    user = UserFactory()
    client.force_login(user)
    response = _get(client)
    assert response.get("X-Warta-Cache") is None
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    # What a logged-in user saw was not stored for anonymous readers either.
    Article.objects.filter(title="Versi lama").update(title="Versi baru")
    client.logout()
    client.cookies.clear()
    assert "Versi lama" in _get(client).content.decode()  # the anonymous copy


def test_admin_is_never_cached(admin_client, client):
    response = admin_client.get("/admin/")
    assert response.get("X-Warta-Cache") is None
    assert (
        "no-store" in response["Cache-Control"]
        or "no-cache" in response["Cache-Control"]
    )
    login = client.get("/admin/login/")
    assert login.get("X-Warta-Cache") is None


def test_read_beacon_is_never_cached(client):
    article = ArticleFactory(published=True)
    response = client.post(f"/baca/{article.pk}/")
    assert response.status_code == 204
    assert "no-store" in response["Cache-Control"]
    assert client.get(f"/baca/{article.pk}/").status_code == 405


def test_search_results_are_cached_per_query(client):
    ArticleFactory(published=True, title="Jembatan baru")
    ArticleFactory(published=True, title="Pasar murah")
    # Titles come marked on the words searched for.
    text = _get(client, "/cari/?q=jembatan").content.decode()
    assert "<mark>Jembatan</mark> baru" in text
    text = _get(client, "/cari/?q=pasar").content.decode()
    assert "<mark>Pasar</mark> murah" in text and "Jembatan" not in text


def _lock(key):
    """The rebuild lock of a page with no story version (not a story page)."""
    return _rebuild_lock(key, pages_generation(), None)


def _expire(rf, path):
    """Make the stored copy of ``path`` expired, as time would; return its key."""
    key = _page_key(rf.get(path))
    stored = cache.get(key)
    stored["fresh_until"] = time.time() - 1
    cache.set(key, stored, timeout=30)
    return key


def test_an_expired_page_is_served_stale_while_another_request_rebuilds_it(
    client, rf, django_assert_num_queries
):
    article = ArticleFactory(published=True, title="Versi lama")
    _get(client)
    Article.objects.filter(pk=article.pk).update(title="Versi baru")  # no signal
    key = _expire(rf, "/")
    assert cache.add(_lock(key), 1)  # another request rebuilds
    with django_assert_num_queries(0):
        response = _get(client)
    assert response["X-Warta-Cache"] == "stale"
    assert "Versi lama" in response.content.decode()
    # Nobody downstream keeps the stale copy.
    assert "s-maxage=0" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_an_expired_page_is_rebuilt_by_the_first_request_and_the_lock_let_go(
    client, rf
):
    article = ArticleFactory(published=True, title="Versi lama")
    _get(client)
    Article.objects.filter(pk=article.pk).update(title="Versi baru")
    key = _expire(rf, "/")
    response = _get(client)
    assert response["X-Warta-Cache"] == "miss"
    assert "Versi baru" in response.content.decode()
    assert cache.get(_lock(key)) is None
    assert _get(client)["X-Warta-Cache"] == "hit"


def test_a_taken_down_story_is_never_served_from_a_stale_copy(client, rf, newsroom):
    story = ArticleFactory(published=True, title="Akan dicabut")
    path = story.get_absolute_url()
    _get(client, path)
    key = _expire(rf, path)
    assert cache.add(_lock(key), 1)  # a rebuild in progress
    with committed():
        article_unpublish(
            article=story, by=newsroom.editor, reason="Keliru.", cause="sara"
        )
    assert client.get(path).status_code == 410


def test_a_request_with_no_copy_waits_for_the_one_rebuilding_the_page(
    client, rf, monkeypatch, django_assert_num_queries
):
    """After an invalidation there is no copy to serve: the second reader
    waits for the first one's page instead of rendering it too."""
    ArticleFactory(published=True, title="Dibangun sekali")
    _get(client)
    rendered = _get(client)
    cache.clear()
    generation = pages_generation()
    key = _page_key(rf.get("/"))
    assert cache.add(_lock(key), 1)
    stored = {
        "content": rendered.content,
        "headers": {"ETag": rendered["ETag"], "Content-Type": "text/html"},
        "last_modified": int(time.time()),
        "rendered_at": time.time(),
        "fresh_until": time.time() + 60,
        "generation": generation,
        "version": None,
    }

    def the_other_request_finishes(seconds):
        cache.set(key, stored, timeout=60)
        cache.delete(_lock(key))

    monkeypatch.setattr("portal.caching.time.sleep", the_other_request_finishes)
    with django_assert_num_queries(0):
        response = _get(client)
    assert response["X-Warta-Cache"] == "hit"
    assert "Dibangun sekali" in response.content.decode()
