"""Previews: as readers would see the story, for the right people only, never
cached or indexed; signed links that open one story until they expire."""

import json
import time
from unittest import mock

import pytest
from django.core import signing
from django.urls import reverse

from articles.preview import preview_link_make
from tests.support.newsroom import ready_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(newsroom):
    return ready_story(
        title="Rakor Pengamanan Pilkada", contributing_agency=newsroom.agency_a
    )


def assert_private_preview(response, title):
    assert response.status_code == 200
    assert title in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


@pytest.mark.parametrize("who", ["editor", "contributor_a"])
def test_editor_and_own_agency_contributor_preview_a_draft(
    client, newsroom, draft, who
):
    client.force_login(getattr(newsroom, who))
    response = client.get(reverse("portal:preview", args=[draft.pk]))
    assert_private_preview(response, draft.title)
    assert 'name="robots" content="noindex' in response.content.decode()


def test_contributor_of_another_agency_cannot_preview(client, newsroom, draft):
    client.force_login(newsroom.contributor_b)
    assert client.get(reverse("portal:preview", args=[draft.pk])).status_code == 404


def test_anonymous_preview_goes_to_the_login(client, draft):
    response = client.get(reverse("portal:preview", args=[draft.pk]))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_signed_link_shows_that_story_without_an_account(client, newsroom, draft):
    url, _link = preview_link_make(article=draft, by=newsroom.editor)
    assert_private_preview(client.get(url), draft.title)


def test_editor_makes_a_signed_link_in_the_admin(client, newsroom, draft):
    client.force_login(newsroom.editor)
    page = client.post(
        reverse("admin:articles_article_preview_link", args=[draft.pk]),
        {"action": "create"},
    ).content.decode()
    assert "/pratinjau/tautan/" in page and "berlaku sampai" in page
    client.force_login(newsroom.contributor_a)
    response = client.get(
        reverse("admin:articles_article_preview_link", args=[draft.pk])
    )
    assert response.status_code == 403


def test_signed_link_expires_after_seven_days(client, newsroom, draft):
    url, _link = preview_link_make(article=draft, by=newsroom.editor)
    later = time.time() + 7 * 24 * 3600 + 60
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.get(url)
    assert response.status_code == 410
    assert "kedaluwarsa" in response.content.decode()
    assert draft.title not in response.content.decode()


def test_tampered_link_is_refused_clearly(client, newsroom, draft):
    other = ready_story(title="Berita lain", contributing_agency=newsroom.agency_b)
    url, _link = preview_link_make(article=draft, by=newsroom.editor)
    token = url.rstrip("/").rsplit("/", 1)[1]
    # The same signature on a payload naming another story.
    payload = signing.b64_encode(json.dumps({"article": other.pk}).encode()).decode()
    swapped = payload + token[token.index(":") :]
    for bad in (token[:-2] + "xx", swapped, "x"):
        response = client.get(reverse("portal:preview-signed", args=[bad]))
        assert response.status_code == 403
        assert "tidak sah" in response.content.decode()


def test_link_of_a_deleted_story_says_so(client, newsroom, draft):
    url, _link = preview_link_make(article=draft, by=newsroom.editor)
    draft.photos.all().delete()
    draft.delete()
    response = client.get(url)
    assert response.status_code == 404
    assert "sudah dihapus" in response.content.decode()
