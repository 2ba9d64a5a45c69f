"""One date format everywhere (newsroom/formats/id): the admin writes dates as
the public site does."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.support.admin_forms import story_in

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
WHEN = datetime.datetime(2024, 6, 4, 10, 15, tzinfo=WIB)
AS_READERS_SEE_IT = "Selasa, 4 Juni 2024 10.15 WIB"


def test_story_list_and_history_write_dates_as_the_public_site(client, newsroom):
    story = story_in(newsroom, "published")
    story.published_at = WHEN
    story.save()
    client.force_login(newsroom.editor)
    listing = client.get(reverse("admin:articles_article_changelist")).content
    assert AS_READERS_SEE_IT in listing.decode()
    story.events.create(
        action="publish",
        actor=newsroom.editor,
        from_status="draft",
        to_status="published",
    )
    story.events.update(created_at=WHEN)
    history = client.get(reverse("admin:articles_article_history", args=[story.pk]))
    assert AS_READERS_SEE_IT in history.content.decode()


def test_scheduled_story_in_the_list_shows_its_time_in_the_same_format(
    client, newsroom
):
    story = story_in(newsroom, "published")
    later = datetime.datetime.now(WIB).replace(microsecond=0) + datetime.timedelta(
        days=400
    )
    story.published_at = later
    story.save()
    client.force_login(newsroom.editor)
    listing = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Terjadwal <small>(" in listing
    assert f" {later:%Y} {later:%H}.{later:%M} WIB)</small>" in listing
    assert "/" not in listing.split("Terjadwal <small>(")[1].split(")")[0]
