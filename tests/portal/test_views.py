import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleSlugRedirect
from articles.services import slug_redirect_record
from portal.views import PAGE_SIZE
from tests.support.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def test_published_story_is_shown(client):
    article = ArticleFactory(
        published=True, title="Rakor Pilkada", body="<p>Isi lengkap</p>"
    )
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Isi lengkap" in response.content.decode()


def test_draft_public_address_is_404_for_anonymous(client):
    article = ArticleFactory()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_old_slug_redirects_permanently_to_the_new_address(client):
    article = ArticleFactory(published=True, title="Judul lama")
    old = article.slug
    article.slug = "judul-baru"
    article.save()
    slug_redirect_record(article=article, old_slug=old)
    response = client.get(reverse("portal:detail", args=[old]))
    assert response.status_code == 301
    assert response["Location"] == "/berita/judul-baru/"


def test_renaming_back_drops_the_redirect_loop():
    article = ArticleFactory(published=True, title="Judul A")
    slug_redirect_record(article=article, old_slug="judul-b")
    assert ArticleSlugRedirect.objects.filter(old_slug="judul-b").exists()
    article.slug = "judul-b"
    article.save()
    slug_redirect_record(article=article, old_slug="judul-a")
    assert list(ArticleSlugRedirect.objects.values_list("old_slug", flat=True)) == [
        "judul-a"
    ]


def test_a_page_number_past_the_end_shows_the_last_page(client):
    category = CategoryFactory(name="Pemerintahan", slug="pemerintahan")
    now = timezone.now()
    stories = [
        ArticleFactory(
            published=True,
            category=category,
            title=f"Berita nomor {n:02d}",
            published_at=now - datetime.timedelta(hours=n),
        )
        for n in range(PAGE_SIZE + 1)
    ]
    oldest, newest = stories[-1], stories[0]

    last = client.get("/kategori/pemerintahan/?page=999").content.decode()
    garbled = client.get("/kategori/pemerintahan/?page=abc").content.decode()

    assert oldest.title in last and newest.title not in last
    assert newest.title in garbled and oldest.title not in garbled
