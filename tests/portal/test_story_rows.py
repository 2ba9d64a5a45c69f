"""The story page's story read from statements compiled once
(portal/story_rows.py) is the story the ORM reads: same columns, category,
contributing agency, photos in order with their renditions, corrections."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from portal import selectors, story_rows
from tests.support.factories import ArticleFactory
from tests.support.stories import seed_story

pytestmark = pytest.mark.django_db


def _orm(article):
    return selectors.story_with_relations(Article.objects.filter(pk=article.pk)).get()


def _fields(instance, skip=()):
    return {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if field.attname not in skip
    }


def _photos(article):
    """Each photo link, its photo and its renditions as the page uses them
    (``renditions_key``: rows read as values, or the ORM's prefetched
    renditions)."""
    return [
        (
            _fields(link),
            _fields(link.photo, story_rows.PHOTO_UNREAD),
            link.photo.renditions_key(),
        )
        for link in article.photos.all()
    ]


def test_a_story_is_read_as_the_orm_reads_it_in_two_queries():
    story = seed_story(photos=3)
    expected = _orm(story)

    with CaptureQueriesContext(connection) as queries:
        article = story_rows.story_for_reader(story.slug)
        read = _photos(article)
        category, agency = article.category, article.contributing_agency
    assert len(queries) == 2

    unread = {"search_vector"}  # deferred: no page shows it
    assert _fields(article, unread) == _fields(expected, unread)
    assert isinstance(article.published_at, datetime.datetime)
    assert _fields(category) == _fields(expected.category)
    assert _fields(agency) == _fields(expected.contributing_agency)
    assert article.has_corrections is expected.has_corrections is False
    assert read == _photos(expected)
    assert len(read) == 3 and all(renditions for _l, _p, renditions in read)
    # The caches say which story and photo each belongs to, as prefetching does.
    link = article.photos.all()[0]
    assert link.article is article
    # What the page shows of a photo costs no query more.
    with CaptureQueriesContext(connection) as more:
        for link in article.photos.all():
            link.photo.srcset("webp"), link.photo.image(960), link.photo.thumbnail_url
    assert len(more) == 0
    # A filter on a relation stays within it.
    assert list(article.photos.filter(role=link.role)) == [
        p for p in expected.photos.all() if p.role == link.role
    ]


def test_read_outside_a_query_log_the_same():
    """With no query log, PostgreSQL runs the prepared statements
    (``statements.compiled_cursor``): the same story, times included."""
    story = seed_story(photos=2)
    expected = _orm(story)
    for _ in range(3):
        article = story_rows.story_for_reader(story.slug)
        unread = {"search_vector"}
        assert _fields(article, unread) == _fields(expected, unread)
        assert article.published_at.utcoffset() == expected.published_at.utcoffset()
        assert _photos(article) == _photos(expected)


def test_each_slug_reads_its_own_story_with_one_statement():
    first = ArticleFactory(published=True, category=None, contributing_agency=None)
    second = ArticleFactory(published=True)

    for story in (first, second, first):
        article = story_rows.story_for_reader(story.slug)
        assert article.pk == story.pk
        assert list(article.photos.all()) == []
    assert article.category is None and article.contributing_agency is None
    assert story_rows.story_for_reader(second.slug).category == second.category


def test_only_visible_stories_are_read():
    draft = ArticleFactory()
    scheduled = ArticleFactory(
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(minutes=5),
    )
    assert story_rows.story_for_reader(draft.slug) is None
    assert story_rows.story_for_reader(scheduled.slug) is None
    assert story_rows.story_for_reader("tidak-ada") is None
