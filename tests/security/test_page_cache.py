"""The page cache cannot be flooded or switched off from outside (issue 8,
defect 7): keys come from the canonical form of the request, and only a real
logged-in session bypasses the cache."""

import re

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from tests.support.caches import cache_keys
from tests.support.factories import ArticleFactory, CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db


def _page_keys():
    """The stored pages (not the generation or the next scheduled time)."""
    return [
        key for key in cache_keys() if re.search(r"warta:pages:page:[0-9a-f]{64}$", key)
    ]


def _stored_after(client, paths):
    for path in paths:
        assert client.get(path).status_code == 200, path
    return len(_page_keys())


def test_unknown_query_parameters_share_the_page_without_them(client):
    story = ArticleFactory(published=True)
    category = story.category
    for base in ("/", story.get_absolute_url(), category.get_absolute_url(), "/feed/"):
        assert client.get(base)["X-Warta-Cache"] == "miss"
        for n in range(20):
            response = client.get(f"{base}?utm_source=x{n}&fbclid={n}")
            assert response["X-Warta-Cache"] == "hit", base
    assert len(_page_keys()) == 4


def test_two_thousand_unique_query_strings_add_nothing_to_the_cache(client):
    ArticleFactory(published=True)
    client.get("/")
    stored = len(_page_keys())
    for n in range(2000):
        client.get(f"/?{n}")
    assert len(_page_keys()) == stored


def test_page_numbers_in_another_spelling_are_not_stored(client):
    category = CategoryFactory(slug="ramai")
    for _ in range(13):
        ArticleFactory(published=True, category=category)
    _stored_after(client, ["/kategori/ramai/", "/kategori/ramai/?page=2"])
    stored = len(_page_keys())
    for page in ("1", "01", "002", "abc", "0", "-1", "3", "999", "99999999999", "2.0"):
        _stored_after(client, [f"/kategori/ramai/?page={page}"])
    assert len(_page_keys()) == stored
    assert client.get("/kategori/ramai/?page=2")["X-Warta-Cache"] == "hit"


def test_searches_are_stored_only_in_their_canonical_form(client):
    ArticleFactory(published=True, title="Jembatan baru")
    category = CategoryFactory(slug="pembangunan")
    _stored_after(
        client, ["/cari/?q=jembatan", "/cari/?q=jembatan&kategori=pembangunan"]
    )
    stored = len(_page_keys())
    variants = [
        "/cari/?q=jembatan&kategori=",  # the form's empty fields
        "/cari/?kategori=&q=jembatan&instansi=&dari=&sampai=",
        "/cari/?q=jembatan&x=1",
        "/cari/?q=jembatan&kategori=pembangunan&utm_source=wa",
        "/cari/?kategori=pembangunan&q=jembatan",
    ]
    for path in variants:
        assert client.get(path)["X-Warta-Cache"] == "hit", path
    not_canonical = [
        "/cari/?q=jembatan&kategori=tidak-ada",
        "/cari/?q=jembatan&instansi=tidak-ada",
        "/cari/?q=jembatan&dari=kemarin",
        "/cari/?q=jembatan&page=abc",
        "/cari/?q=++jembatan++",
        f"/cari/?q={'jembatan+' * 40}",
    ]
    assert _stored_after(client, not_canonical) == stored
    assert category  # the filter above was a real one


def test_a_missing_story_leaves_no_page_in_the_cache(client):
    ArticleFactory(published=True)
    client.get("/")
    before = cache_keys()
    for n in range(50):
        assert client.get(f"/berita/tidak-ada-{n}/").status_code == 404
        client.post(f"/baca/{10**6 + n}/", HTTP_SEC_FETCH_SITE="same-origin")
    assert cache_keys() == before


@pytest.mark.parametrize(
    "cookie",
    ["palsu", "x" * 32, "a" * 200, "", "kadaluwarsa"],
)
def test_a_forged_session_cookie_does_not_switch_the_cache_off(
    client, cookie, django_assert_max_num_queries
):
    ArticleFactory(published=True, title="Untuk semua pembaca")
    assert client.get("/")["X-Warta-Cache"] == "miss"
    client.cookies["sessionid"] = cookie
    with django_assert_max_num_queries(1):  # at most: is there such a session?
        response = client.get("/")
    assert response["X-Warta-Cache"] == "hit"
    assert "Untuk semua pembaca" in response.content.decode()


def test_a_session_without_a_login_does_not_switch_the_cache_off(client):
    ArticleFactory(published=True)
    session = SessionStore()
    session["seen"] = True
    session.create()
    client.get("/")
    client.cookies["sessionid"] = session.session_key
    assert client.get("/")["X-Warta-Cache"] == "hit"


def test_a_real_login_still_bypasses_the_cache(client):
    ArticleFactory(published=True)
    client.get("/")
    client.force_login(UserFactory())
    response = client.get("/")
    assert response.get("X-Warta-Cache") is None
    assert "private" in response["Cache-Control"]


def test_other_spellings_of_an_archive_month_or_sitemap_page_are_not_stored(client):
    ArticleFactory(published=True)
    today = timezone.localdate()
    month = f"/arsip/{today.year}/{today.month:02d}/"
    _stored_after(client, [month, "/sitemap-berita.xml"])
    stored = len(_page_keys())
    spellings = [
        f"/arsip/0{today.year}/{today.month:02d}/",
        f"/arsip/{today.year}/00{today.month}/",
        f"/arsip/{today.year}/{today.month:03d}/?page=2",
    ]
    for path in spellings:
        response = client.get(path, follow=True)
        assert response.status_code == 200
        assert response.redirect_chain[-1][0].startswith(month)
    for number in ("1", "01", "001"):
        assert client.get(f"/sitemap-berita.xml?p={number}").status_code == 200
    assert len(_page_keys()) == stored


@pytest.mark.parametrize(
    "path", ["/feed/", "/kategori/{slug}/feed/", "/tag/desa/feed/"]
)
def test_a_cached_feed_names_the_site_address_whatever_host_was_asked(client, path):
    """Pages are keyed without the host, so nothing in them may come from it."""
    story = ArticleFactory(published=True)
    story.tags.add("desa")
    path = path.format(slug=story.category.slug)
    text = client.get(path, HTTP_HOST="localhost").content.decode()
    assert f'<atom:link href="http://127.0.0.1:8000{path}" rel="self"' in text
