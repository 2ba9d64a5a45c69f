"""manage.py generate_newsroom: a realistic newsroom whose pages all render."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.fingerprints import content_verify
from articles.models import (
    Agency,
    Article,
    ArticlePhoto,
    Category,
    Official,
    PhotoSubject,
    Position,
)
from portal.search import article_search
from tests.support.newsroom import ensure_roles

pytestmark = pytest.mark.django_db
STORIES = 120
UNTIL = "2026-06-30"


def generate(*extra):
    out = io.StringIO()
    call_command(
        "generate_newsroom",
        "--stories", str(STORIES), "--seed", "7", "--until", UNTIL,
        "--photos", "4", "--batch", "50", *extra,
        stdout=out,
    )  # fmt: skip
    return out.getvalue()


@pytest.fixture
def generated(settings):
    settings.DEBUG = True
    ensure_roles()
    generate()


def test_generates_the_world_and_stories(generated):
    assert Article.objects.count() == STORIES
    assert Category.objects.count() == 10
    assert 50 <= Agency.objects.count() <= 70
    assert 250 <= Official.objects.count() <= 400
    # Handovers: heads of one office follow each other; some were acting (Plt.).
    assert Position.objects.filter(end_date__isnull=False).count() > 100
    assert Position.objects.filter(short_title__startswith="Plt. ").exists()
    assert Tag.objects.count() > 1000
    assert PhotoSubject.objects.exists()
    assert Article.related.through.objects.count() > STORIES / 3
    visible = Article.objects.visible()
    assert visible.count() > STORIES * 0.8
    assert Article.objects.exclude(status=Article.Status.PUBLISHED).exists()
    for article in visible[:20]:
        words = len(article.body.split())
        assert 300 <= words <= 900, words
        assert article.photos.filter(role=ArticlePhoto.Role.FEATURED).count() == 1
        assert article.tags.exists()
        assert article.officials.exists()
        assert article.slug and article.summary
    published = visible.order_by("published_at")
    span = published.last().published_at - published.first().published_at
    assert span > datetime.timedelta(days=365)


def test_stored_fingerprints_match_what_warta_computes(generated):
    assert content_verify().mismatches == []


def test_every_public_page_type_renders(generated, client):
    article = Article.objects.visible().filter(related__isnull=False).first()
    tag = article.tags.first()
    official = article.officials.first()
    when = timezone.localtime(article.published_at)
    urls = [
        reverse("portal:home"),
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        reverse("portal:tag", kwargs={"slug": tag.slug}),
        article.contributing_agency.get_absolute_url(),
        official.get_absolute_url(),
        reverse(
            "portal:archive", kwargs={"year": when.year, "month": f"{when.month:02d}"}
        ),
        reverse("portal:search") + "?q=kobar",
        reverse("portal:feed"),
        reverse("portal:sitemap-index"),
        reverse("portal:sitemap-news"),
        reverse("portal:categories"),
        reverse("portal:officials"),
        reverse("portal:agencies"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get(article.get_absolute_url()).content.decode()
    assert article.title in page
    related = article.related.first()
    if related.status == Article.Status.PUBLISHED:
        assert related.get_absolute_url() in page


def test_search_finds_generated_stories_by_their_words(generated):
    article = Article.objects.visible().first()
    word = max(article.title.split(), key=len).lower()
    assert article in article_search(word)


def test_same_seed_gives_the_same_stories(generated, settings):
    before = list(Article.objects.order_by("published_at", "title").values_list(
        "title", "summary", "body", "status"))  # fmt: skip
    generate("--flush")
    after = list(Article.objects.order_by("published_at", "title").values_list(
        "title", "summary", "body", "status"))  # fmt: skip
    assert before == after


def test_refuses_a_database_that_has_stories(generated):
    with pytest.raises(CommandError, match="sudah berisi"):
        generate()
    assert Article.objects.count() == STORIES


def test_flush_refused_with_debug_off(generated, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG mati"):
        generate("--flush")
    assert Article.objects.count() == STORIES
