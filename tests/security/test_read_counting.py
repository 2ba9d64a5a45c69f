"""Terpopuler cannot be bought (issue 8, defect 6): one read per reader per
story per day, no cross-site reports, no cache entries for stories readers
cannot see."""

import pytest

from articles.models import ArticleDailyReads
from portal.popularity import READ_BATCH, READERS_PER_ADDRESS, popular_articles
from tests.support.caches import cache_keys
from tests.support.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}


def _reads(article):
    row = ArticleDailyReads.objects.filter(article=article).first()
    return row.count if row else 0


def _beacon(client, article_id, **headers):
    return client.post(f"/baca/{article_id}/", **{**SAME_ORIGIN, **headers})


def test_one_reader_posting_200_times_counts_as_one_read(client):
    honest = ArticleFactory(published=True, title="Dibaca banyak orang")
    bought = ArticleFactory(published=True, title="Dibeli")
    for n in range(READ_BATCH):  # ten readers
        _beacon(client, honest.pk, REMOTE_ADDR=f"10.0.0.{n + 1}")
    for _ in range(200):
        assert _beacon(client, bought.pk).status_code == 204
    assert _reads(bought) == 1
    assert list(popular_articles()) == [honest, bought]


def test_each_reader_counts_once(client):
    article = ArticleFactory(published=True)
    for n in range(READ_BATCH):
        _beacon(client, article.pk, REMOTE_ADDR=f"10.0.1.{n + 1}")
        _beacon(client, article.pk, REMOTE_ADDR=f"10.0.1.{n + 1}")
    assert _reads(article) == READ_BATCH


def test_changing_the_browser_name_does_not_buy_more_than_a_few_reads(client):
    article = ArticleFactory(published=True)
    for n in range(5 * READERS_PER_ADDRESS):
        _beacon(client, article.pk, HTTP_USER_AGENT=f"Peramban/{n}")
    assert 1 <= _reads(article) <= READERS_PER_ADDRESS


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://judi-online.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://127.0.0.1:8000"},
    ],
)
def test_reports_sent_from_other_websites_are_refused(client, headers):
    article = ArticleFactory(published=True)
    response = client.post(f"/baca/{article.pk}/", **headers)
    assert response.status_code == 403
    assert _reads(article) == 0


@pytest.mark.parametrize(
    "headers",
    [
        SAME_ORIGIN,
        {**SAME_ORIGIN, "HTTP_ORIGIN": "http://127.0.0.1:8000"},  # WARTA_SITE_URL
        {"HTTP_ORIGIN": "http://testserver"},  # the request's own host
        {},  # an older browser sends neither header
    ],
)
def test_reports_from_the_story_page_itself_are_counted(client, headers):
    article = ArticleFactory(published=True)
    assert client.post(f"/baca/{article.pk}/", **headers).status_code == 204
    assert _reads(article) == 1


def test_reports_for_missing_or_hidden_stories_leave_nothing_in_the_cache(client):
    draft = ArticleFactory(title="Draf")
    visible = ArticleFactory(published=True)
    _beacon(client, visible.pk)  # the cache's own bookkeeping exists now
    before = cache_keys()
    for article_id in (draft.pk, 987654321, 2**70):
        for n in range(50):
            response = _beacon(client, article_id, REMOTE_ADDR=f"10.0.2.{n + 1}")
            assert response.status_code == 404
    assert cache_keys() == before
    assert not ArticleDailyReads.objects.filter(article=draft).exists()


def test_forwarded_for_is_ignored_unless_the_proxy_is_trusted(client, settings):
    article = ArticleFactory(published=True)
    for n in range(READ_BATCH):
        _beacon(client, article.pk, HTTP_X_FORWARDED_FOR=f"203.0.113.{n + 1}")
    assert _reads(article) == 1

    settings.BEHIND_TLS_PROXY = True
    other = ArticleFactory(published=True)
    for n in range(READ_BATCH):
        # A client may send its own X-Forwarded-For; the proxy appends the
        # address it saw, and that last entry is the one that counts.
        _beacon(
            client,
            other.pk,
            HTTP_X_FORWARDED_FOR=f"198.51.100.7, 203.0.113.{n + 1}",
        )
    assert _reads(other) == READ_BATCH
