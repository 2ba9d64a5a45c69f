"""RSS 2.0 feeds parse cleanly with feedparser (portal/feeds.py)."""

import feedparser
import pytest

from tests.support.factories import ArticleFactory, CategoryFactory
from tests.support.stories import seed_story

pytestmark = pytest.mark.django_db
NASTY_TITLE = 'Rakor & <Pilkada> ]]> "kutip" 🎉 kontrol\x01\x0b\x1f akhir'


def _parse(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed


def test_site_feed_survives_ampersands_markup_cdata_end_emoji_and_control_chars(client):
    ArticleFactory(published=True, title=NASTY_TITLE, summary=NASTY_TITLE)
    feed = _parse(client, "/feed/")
    assert feed.entries[0].title == 'Rakor & <Pilkada> ]]> "kutip" 🎉 kontrol akhir'


def test_feed_items_carry_the_featured_photo_as_enclosure(client, settings):
    settings.WARTA_SITE_URL = "https://mmc.kobarkab.go.id"
    story = seed_story(photos=1)
    entry = _parse(client, "/feed/").entries[0]
    assert entry.link == f"https://mmc.kobarkab.go.id{story.get_absolute_url()}"
    enclosure = entry.enclosures[0]
    assert enclosure.type == "image/jpeg"
    assert enclosure.href.endswith("-1200w.jpg")
    assert int(enclosure.length) > 0
    assert entry.published_parsed


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/kategori/politik-pemilu/feed/", {"seed"}),
        ("/tag/pilkada-2024/feed/", {"seed"}),
        ("/instansi/polres-kobar/feed/", {"seed"}),
    ],
)
def test_category_tag_and_agency_feeds_hold_only_their_stories(client, path, expected):
    story = seed_story(photos=0)
    other = ArticleFactory(published=True, category=CategoryFactory())
    titles = {e.title for e in _parse(client, path).entries}
    assert story.title in titles and other.title not in titles


def test_feed_of_unknown_category_is_404(client):
    assert client.get("/kategori/tidak-ada/feed/").status_code == 404


def test_drafts_are_not_in_feeds(client):
    ArticleFactory(title="Draf")
    assert _parse(client, "/feed/").entries == []
