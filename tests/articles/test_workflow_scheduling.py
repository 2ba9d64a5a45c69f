"""A scheduled story appears by the clock alone, on every public address.

The story is published for a time T; with the clock set to T-1s it must be
absent everywhere readers can look, and at T+1s present everywhere. The list
of public addresses is read from portal/urls.py, so an address added later
must be added here (or to NOT_LISTING with its reason) or this test fails.
"""

import datetime
from unittest import mock

import pytest
from django.core.cache import cache
from django.urls import get_resolver, reverse
from django.utils import timezone
from django.utils.formats import date_format

from articles import workflow
from articles.models import ArticleCorrection
from tests.support.factories import OfficialFactory
from tests.support.newsroom import Newsroom, ready_story

pytestmark = pytest.mark.django_db

MARKER = "Zuldafatmi"
# Public addresses that never list stories, so there is nothing to check.
NOT_LISTING = {
    "sitemap-index": "lists the sitemap files, not stories",
    "robots": "robots.txt names no story",
    "read": "the read-count beacon; takes a POST and answers no content",
    "preview": "shows any story to its newsroom, on purpose (test_preview.py)",
    "preview-signed": "shows one story to a link's holder on purpose (test_preview.py)",
    "page": "a fixed page (Redaksi, Kontak ...) is written by editors, lists no story",
    "officials": "lists officials and their positions, not stories",
    "agencies": "lists agencies by kind, not stories",
    "story-changes": "one correction's comparison, 404 unless its story is visible "
    "(tests/portal/test_corrections.py)",
}


@pytest.fixture
def scheduled():
    newsroom = Newsroom()
    story = ready_story(
        title=f"Rakor Pengamanan Pilkada {MARKER}",
        summary=f"Ringkasan {MARKER}.",
        contributing_agency=newsroom.agency_a,
    )
    story.tags.set(["pilkada 2024"])
    story.agencies.set([newsroom.agency_a])
    official = OfficialFactory(name="Budi Santosa")
    story.officials.set([official])
    at = (timezone.now() + datetime.timedelta(days=1)).replace(microsecond=0)
    workflow.article_publish(article=story, by=newsroom.editor, at=at)
    # A correction left from an earlier publication: listed only while visible.
    ArticleCorrection.objects.create(
        article=story, kind=ArticleCorrection.Kind.RALAT, summary="Ralat."
    )
    return story, official, at


def public_addresses(story, official, at):
    local = timezone.localtime(at)
    tag = story.tags.get()
    return {
        "home": reverse("portal:home"),
        "detail": reverse("portal:detail", args=[story.slug]),
        "reply": reverse("portal:reply", args=[story.slug]),
        "category": reverse("portal:category", args=[story.category.slug]),
        "categories": reverse("portal:categories"),
        "category-feed": reverse("portal:category-feed", args=[story.category.slug]),
        "tag": reverse("portal:tag", args=[tag.slug]),
        "tag-feed": reverse("portal:tag-feed", args=[tag.slug]),
        "agency": reverse("portal:agency", args=[story.contributing_agency.slug]),
        "agency-feed": reverse(
            "portal:agency-feed", args=[story.contributing_agency.slug]
        ),
        "official": reverse("portal:official", args=[official.slug]),
        "archive": reverse("portal:archive", args=[local.year, local.month]),
        "search": reverse("portal:search") + f"?q={MARKER}",
        "feed": reverse("portal:feed"),
        "corrections": reverse("portal:corrections"),
        "corrections-feed": reverse("portal:corrections-feed"),
        "sitemap-news": reverse("portal:sitemap-news"),
        "sitemap-section": reverse("portal:sitemap-section", args=["berita"]),
    }


def test_every_public_address_is_checked_or_explained(scheduled):
    names = {p.name for p in get_resolver("portal.urls").url_patterns if p.name}
    checked = set(public_addresses(*scheduled))
    assert names - checked - set(NOT_LISTING) == set()


def shows(client, url, story):
    cache.clear()  # the page cache is tested on its own; here: the query
    response = client.get(url, follow=True)  # /arsip/2024/6/ -> /arsip/2024/06/
    # The story's page (and its right-of-reply form), and the page of a tag
    # only this story carries, exist only while the story is visible.
    if url.startswith(story.get_absolute_url()) or url.startswith("/tag/"):
        assert response.status_code in (200, 404)
        return response.status_code == 200
    assert response.status_code == 200, url
    # The story's address, in a link or a feed item; not the marker word,
    # which the search page echoes back in its form.
    return story.get_absolute_url() in response.content.decode()


def test_scheduled_story_is_absent_a_second_before_and_present_a_second_after(
    client, scheduled
):
    story, official, at = scheduled
    addresses = public_addresses(story, official, at)
    with mock.patch(
        "django.utils.timezone.now", return_value=at - datetime.timedelta(seconds=1)
    ):
        early = {name: shows(client, url, story) for name, url in addresses.items()}
    with mock.patch(
        "django.utils.timezone.now", return_value=at + datetime.timedelta(seconds=1)
    ):
        late = {name: shows(client, url, story) for name, url in addresses.items()}
    assert [name for name, seen in early.items() if seen] == []
    assert [name for name, seen in late.items() if not seen] == []


def test_admin_list_shows_scheduled_stories_with_their_time(client, scheduled):
    story, _official, at = scheduled
    client.force_login(_editor())
    page = client.get(
        reverse("admin:articles_article_changelist") + "?status=scheduled"
    )
    body = page.content.decode()
    assert "Terjadwal" in body
    assert date_format(timezone.localtime(at), "DATETIME_FORMAT") in body
    assert story.title in body


def _editor():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="redaktur")
