"""Signed preview links are recorded, listed on the story, revocable by an
editor, and die when the story is taken down."""

import datetime

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from articles.models import PreviewLink
from articles.preview import SALT
from articles.workflow import article_publish, article_unpublish
from tests.support.newsroom import bare_photo, ready_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(newsroom):
    return ready_story(
        photo=bare_photo(),
        title="Rakor Pengamanan Pilkada",
        contributing_agency=newsroom.agency_a,
        author=newsroom.contributor_a,
    )


def links_page(article):
    return reverse("admin:articles_article_preview_link", args=[article.pk])


def make_link(client, article):
    """The address an editor gets from the story's preview-link page."""
    response = client.post(links_page(article), {"action": "create"})
    assert response.status_code == 200
    return response.context["link"]


def assert_dead(response, article, words):
    page = response.content.decode()
    assert response.status_code == 410
    assert words in page
    assert article.title not in page
    assert "noindex" in response["X-Robots-Tag"]


def test_taking_a_story_down_kills_every_link_to_it(client, newsroom, story):
    client.force_login(newsroom.editor)
    first, second = make_link(client, story), make_link(client, story)
    article_publish(article=story, by=newsroom.editor, notify=False)
    client.logout()
    assert client.get(first).status_code == 200

    article_unpublish(article=story, by=newsroom.editor, reason="Salah data.")

    for link in (first, second):
        assert_dead(client.get(link), story, "diturunkan")


def test_a_link_made_after_the_takedown_works(client, newsroom, story):
    article_publish(article=story, by=newsroom.editor, notify=False)
    article_unpublish(article=story, by=newsroom.editor, reason="Salah data.")
    client.force_login(newsroom.editor)
    link = make_link(client, story)
    client.logout()

    response = client.get(link)

    assert response.status_code == 200
    assert story.title in response.content.decode()


def test_making_a_link_records_who_made_it_and_until_when(client, newsroom, story):
    client.force_login(newsroom.editor)

    make_link(client, story)

    link = PreviewLink.objects.get()
    assert (link.article, link.created_by) == (story, newsroom.editor)
    assert link.expires_at - link.created_at == datetime.timedelta(days=7)
    assert link.revoked_at is None


def test_opening_the_page_makes_no_link(client, newsroom, story):
    client.force_login(newsroom.editor)

    response = client.get(links_page(story))

    assert response.status_code == 200
    assert not PreviewLink.objects.exists()


def test_the_page_lists_the_storys_links_with_their_state(client, newsroom, story):
    client.force_login(newsroom.editor)
    make_link(client, story)
    make_link(client, story)
    PreviewLink.objects.filter(pk=PreviewLink.objects.first().pk).update(
        revoked_at=timezone.now(), revoked_by=newsroom.editor
    )
    other = ready_story(photo=bare_photo(), contributing_agency=newsroom.agency_b)
    make_link(client, other)

    response = client.get(links_page(story))

    assert list(response.context["links"]) == list(
        PreviewLink.objects.filter(article=story)
    )
    page = response.content.decode()
    assert page.count("Dicabut") == 1 and page.count("Aktif") == 1
    assert "redaktur" in page  # who made them


def test_editor_revokes_a_link_and_it_stops_working(client, newsroom, story):
    client.force_login(newsroom.editor)
    url = make_link(client, story)
    link = PreviewLink.objects.get()

    response = client.post(
        links_page(story), {"action": "revoke", "link": link.pk}, follow=True
    )

    assert "dicabut" in response.content.decode()
    link.refresh_from_db()
    assert link.revoked_at is not None and link.revoked_by == newsroom.editor
    client.logout()
    assert_dead(client.get(url), story, "dicabut")


def test_contributor_cannot_revoke_or_make_a_link(client, newsroom, story):
    client.force_login(newsroom.editor)
    url = make_link(client, story)
    link = PreviewLink.objects.get()
    client.force_login(newsroom.contributor_a)

    revoke = client.post(links_page(story), {"action": "revoke", "link": link.pk})
    create = client.post(links_page(story), {"action": "create"})

    assert revoke.status_code == 403 and create.status_code == 403
    assert PreviewLink.objects.count() == 1
    link.refresh_from_db()
    assert link.revoked_at is None
    client.logout()
    assert client.get(url).status_code == 200


def test_a_link_of_another_story_is_not_revoked_from_this_one(client, newsroom, story):
    other = ready_story(photo=bare_photo(), contributing_agency=newsroom.agency_b)
    client.force_login(newsroom.editor)
    make_link(client, other)
    link = PreviewLink.objects.get()

    response = client.post(links_page(story), {"action": "revoke", "link": link.pk})

    assert response.status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None


@pytest.mark.parametrize("value", ["", "abc", "99999999999999999999999", "1\x00"])
def test_a_bad_link_id_to_revoke_is_not_found(client, newsroom, story, value):
    client.force_login(newsroom.editor)

    response = client.post(links_page(story), {"action": "revoke", "link": value})

    assert response.status_code == 404


def test_a_link_past_its_recorded_time_has_expired(client, newsroom, story):
    client.force_login(newsroom.editor)
    url = make_link(client, story)
    PreviewLink.objects.update(expires_at=timezone.now() - datetime.timedelta(1))
    client.logout()

    assert_dead(client.get(url), story, "kedaluwarsa")


def test_a_signed_link_with_no_record_opens_nothing(client, story):
    token = signing.dumps({"article": story.pk}, salt=SALT, compress=True)

    response = client.get(reverse("portal:preview-signed", args=[token]))

    assert_dead(response, story, "tidak berlaku")
