"""Read counting and "Terpopuler" (portal/popularity.py)."""

import datetime

import pytest
from django.utils import timezone

from articles.models import ArticleDailyReads
from portal.popularity import READ_BATCH, popular_articles, reads_flush
from tests.support.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_reads_reach_the_database_in_batches_not_one_write_per_read(
    client, django_assert_max_num_queries
):
    article = ArticleFactory(published=True)
    readers = (f"10.1.0.{n}" for n in range(1, 255))

    def read():  # each read by another reader: one reader counts once a day
        return client.post(f"/baca/{article.pk}/", REMOTE_ADDR=next(readers))

    read()  # the day's first read is written at once
    assert ArticleDailyReads.objects.get(article=article).count == 1
    for _ in range(READ_BATCH - 2):
        with django_assert_max_num_queries(0):
            assert read().status_code == 204
    assert ArticleDailyReads.objects.get(article=article).count == 1
    read()
    assert ArticleDailyReads.objects.get(article=article).count == READ_BATCH
    for _ in range(READ_BATCH):
        read()
    assert ArticleDailyReads.objects.get(article=article).count == 2 * READ_BATCH
    article.refresh_from_db()
    assert article.view_count == 2 * READ_BATCH


def test_reads_of_invisible_stories_are_not_stored(client):
    draft = ArticleFactory()
    for _ in range(READ_BATCH):
        client.post(f"/baca/{draft.pk}/")
    assert not ArticleDailyReads.objects.exists()


def test_popular_is_the_most_read_visible_stories_of_the_last_seven_days():
    today = timezone.localdate()
    top, second, old_hit, hidden = (
        ArticleFactory(published=True, title=t)
        for t in ("Teratas", "Kedua", "Lama", "Diturunkan")
    )
    reads_flush(article_id=top.pk, day=today, count=50)
    reads_flush(article_id=top.pk, day=today - datetime.timedelta(days=6), count=50)
    reads_flush(article_id=second.pk, day=today, count=60)
    reads_flush(
        article_id=old_hit.pk, day=today - datetime.timedelta(days=7), count=500
    )
    reads_flush(article_id=hidden.pk, day=today, count=900)
    hidden.status = hidden.Status.UNPUBLISHED
    hidden.save()
    assert [a.title for a in popular_articles()] == ["Teratas", "Kedua"]


def test_home_page_lists_terpopuler(client):
    article = ArticleFactory(published=True, title="Paling banyak dibaca")
    reads_flush(article_id=article.pk, day=timezone.localdate(), count=10)
    text = client.get("/").content.decode()
    assert text.index("Terpopuler") < text.rindex("Paling banyak dibaca")
