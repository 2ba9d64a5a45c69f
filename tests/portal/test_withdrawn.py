"""A story taken down (portal/takedowns.py): 410 Gone with its notice at its
address and old slugs, and gone from every other public surface until an
editor undoes the takedown."""

import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import ArticleDailyReads
from articles.services import slug_redirect_record
from portal.takedowns import public_takedowns
from tests.support.caches import committed
from tests.support.factories import ArticleFactory
from tests.support.newsroom import editor
from tests.support.stories import seed_story

pytestmark = pytest.mark.django_db
readers = (f"10.0.{n // 250}.{n % 250 + 1}" for n in itertools.count())


@pytest.fixture
def story():
    article = seed_story(photos=0, officials=1)
    old = article.slug
    article.slug = "pj-bupati-kobar-hadiri-rakor"
    article.save()
    slug_redirect_record(article=article, old_slug=old)
    article.old_slug = old
    return article


@pytest.fixture
def redaktur():
    return editor()


def take_down(story, by, *, cause="sara", public=True):
    with committed():
        workflow.article_unpublish(
            article=story,
            by=by,
            reason="Memuat ujaran kebencian.",
            cause=cause,
            public=public,
        )


def surfaces(client, story):
    """Where readers find the story: {surface: whether it is there}."""
    published = timezone.localtime(story.published_at)
    with committed():
        sibling = ArticleFactory(published=True, title="Berita lain soal pilkada")
        sibling.tags.add("pilkada 2024")
    listings = {
        "beranda": "/",
        "rubrik": story.category.get_absolute_url(),
        "tag": reverse("portal:tag", args=["pilkada-2024"]),
        "instansi": story.contributing_agency.get_absolute_url(),
        "pejabat": story.officials.first().get_absolute_url(),
        "arsip": reverse("portal:archive", args=[published.year, published.month]),
    }
    found = {
        name: story.title in client.get(url).content.decode()
        for name, url in listings.items()
    }
    found["feed"] = story.title in client.get("/feed/").content.decode()
    for name in ("berita", "news"):
        xml = client.get(f"/sitemap-{name}.xml").content.decode()
        found[f"sitemap-{name}"] = story.slug in xml
    found["cari"] = (
        story.get_absolute_url()
        in client.get("/cari/", {"q": "pengamanan pilkada"}).content.decode()
    )
    found["baca-juga"] = (
        story.title in client.get(sibling.get_absolute_url()).content.decode()
    )
    # 204: counted (a new reader each time); 404: refused before counting.
    reply = client.post(f"/baca/{story.pk}/", REMOTE_ADDR=next(readers))
    found["penghitung-baca"] = reply.status_code == 204
    sibling.delete()
    return found


def test_a_taken_down_story_is_gone_from_every_surface_and_back_when_undone(
    client, story, redaktur
):
    before = surfaces(client, story)
    assert all(before.values()), before
    take_down(story, redaktur)
    reads = ArticleDailyReads.objects.filter(article=story).count()
    gone = surfaces(client, story)
    assert not any(gone.values()), gone
    assert ArticleDailyReads.objects.filter(article=story).count() == reads
    with committed():
        workflow.article_restore(article=story, by=redaktur)
    assert surfaces(client, story) == before


@pytest.mark.parametrize("address", ["slug", "old_slug"])
def test_a_taken_down_story_answers_410_with_when_and_why(
    client, story, redaktur, address
):
    take_down(story, redaktur, cause="anak")
    response = client.get(reverse("portal:detail", args=[getattr(story, address)]))
    assert response.status_code == 410
    page = response.content.decode()
    assert "Berita ini telah dicabut" in page
    assert "Menyangkut masa depan anak" in page
    assert timezone.localtime().strftime("%Y") in page
    # The notice is not the story: neither its text nor the editor's note.
    assert "Rapat Koordinasi" not in page
    assert "ujaran kebencian" not in page
    assert story.title not in page
    assert response["X-Robots-Tag"] == "noindex"


def test_a_notice_not_public_says_only_that_the_story_is_gone(client, story, redaktur):
    take_down(story, redaktur, cause="trauma", public=False)
    response = client.get(story.get_absolute_url())
    assert response.status_code == 410
    page = response.content.decode()
    assert "Berita ini tidak tersedia lagi" in page
    assert "traumatik" not in page
    assert "dicabut" not in page
    assert list(public_takedowns()) == []


def test_a_restored_story_answers_200_and_its_old_slug_redirects_again(
    client, story, redaktur
):
    take_down(story, redaktur)
    workflow.article_restore(article=story, by=redaktur)
    assert client.get(story.get_absolute_url()).status_code == 200
    response = client.get(reverse("portal:detail", args=[story.old_slug]))
    assert response.status_code == 301
    assert list(public_takedowns()) == []


def test_a_story_unpublished_without_a_takedown_record_is_still_404(client):
    draft = ArticleFactory(title="Draf saja")
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_public_takedowns_lists_public_notices_newest_first(redaktur):
    first = seed_story(photos=0, officials=0, agencies=0, tags=())
    second = ArticleFactory(published=True)
    hidden = ArticleFactory(published=True)
    take_down(first, redaktur, cause="dewan_pers")
    take_down(second, redaktur, cause="kesusilaan")
    take_down(hidden, redaktur, public=False)
    notices = list(public_takedowns())
    assert [n.article for n in notices] == [second, first]
    assert notices[1].get_reason_display() == "Keputusan Dewan Pers"


def test_a_public_takedown_is_listed_on_the_corrections_page_with_its_reason(
    client, story, redaktur
):
    take_down(story, redaktur, cause="sara")

    page = client.get(reverse("portal:corrections")).content.decode()

    assert "Dicabut" in page
    assert story.title in page
    assert "Menyangkut SARA" in page
    assert "Memuat ujaran kebencian." not in page  # the editor's own words


def test_a_takedown_without_public_notice_or_undone_is_not_listed(
    client, story, redaktur
):
    take_down(story, redaktur, public=False)
    assert story.title not in client.get(reverse("portal:corrections")).content.decode()

    workflow.article_restore(article=story, by=redaktur)
    take_down(story, redaktur)
    workflow.article_restore(article=story, by=redaktur)

    assert story.title not in client.get(reverse("portal:corrections")).content.decode()
