"""A tag only drafts carry has no public page (issue 8, defect 15): its name
may say what the newsroom is working on."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from tests.support.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_tag():
    ArticleFactory(title="Draf").tags.add("mutasi-pejabat")
    ArticleFactory(
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(days=1),
    ).tags.add("mutasi-pejabat")
    taken_down = ArticleFactory(published=True)
    taken_down.tags.add("mutasi-pejabat")
    taken_down.status = Article.Status.UNPUBLISHED
    taken_down.save()
    return "mutasi-pejabat"


@pytest.mark.parametrize("path", ["/tag/{}/", "/tag/{}/feed/"])
def test_a_tag_only_hidden_stories_carry_answers_404(client, hidden_tag, path):
    response = client.get(path.format(hidden_tag))
    assert response.status_code == 404
    assert "mutasi" not in response.content.decode().lower()


@pytest.mark.parametrize("path", ["/tag/{}/", "/tag/{}/feed/"])
def test_the_tag_appears_once_a_story_with_it_is_published(client, hidden_tag, path):
    ArticleFactory(published=True, title="Sudah terbit").tags.add(hidden_tag)
    response = client.get(path.format(hidden_tag))
    assert response.status_code == 200
    assert "Sudah terbit" in response.content.decode()
