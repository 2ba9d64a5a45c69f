import datetime

import pytest
from django.db import IntegrityError
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, TaggedArticle
from tests.support.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_visible_shows_only_published_stories_whose_time_has_come():
    shown = ArticleFactory(published=True)
    ArticleFactory()  # draft
    ArticleFactory(status=Article.Status.IN_REVIEW)
    ArticleFactory(
        status=Article.Status.UNPUBLISHED,
        published_at=timezone.now() - datetime.timedelta(days=1),
    )
    scheduled = ArticleFactory(
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(minutes=5),
    )
    assert list(Article.objects.visible()) == [shown]
    assert list(Article.objects.scheduled()) == [scheduled]
    assert scheduled.is_scheduled


def test_new_story_is_a_draft():
    assert ArticleFactory().status == Article.Status.DRAFT


def test_slug_comes_from_the_title_and_stays_unique():
    first = ArticleFactory(title="Rakor Pengamanan Pilkada")
    second = ArticleFactory(title="Rakor Pengamanan Pilkada")
    assert first.slug == "rakor-pengamanan-pilkada"
    assert second.slug == "rakor-pengamanan-pilkada-2"


def test_published_story_without_a_time_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        ArticleFactory(status=Article.Status.PUBLISHED, published_at=None)


def test_stories_sharing_a_tag_are_found_through_it():
    first, second, other = ArticleFactory.create_batch(3)
    first.tags.set(["Pilkada 2024", "keamanan"])
    second.tags.set(["Pilkada 2024"])
    other.tags.set(["keamanan"])
    tag = Tag.objects.get(name="Pilkada 2024")

    assert set(Article.objects.filter(tags=tag)) == {first, second}
    # Stored in our own table, which the tag pages and feeds read.
    assert set(
        TaggedArticle.objects.filter(tag=tag).values_list("content_object", flat=True)
    ) == {first.pk, second.pk}


def test_reference_date_prefers_the_event_date():
    article = ArticleFactory.build(
        event_date=datetime.date(2024, 6, 4),
        published_at=timezone.now(),
    )
    assert article.reference_date == datetime.date(2024, 6, 4)


def test_tags_are_typed_as_a_comma_separated_list():
    from articles.tagging import edit_string_for_tags, parse_tags

    assert parse_tags(' pilkada  2024, "keamanan",, Pilkada 2024 ') == [
        "keamanan",
        "pilkada 2024",
    ]
    article = ArticleFactory()
    article.tags.set(["pilkada 2024", "keamanan"])
    assert edit_string_for_tags(article.tags.all()) == "keamanan, pilkada 2024"
