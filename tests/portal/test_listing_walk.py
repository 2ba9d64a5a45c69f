"""An agency's or an official's page and feed show the same stories whether
they are walked (newest stories checked one by one) or gathered
(portal/pagination.py): the walk is tried for a listing past ``MAX_PAGES``
pages, and a page it cannot fill from the newest ``WALK_WINDOW`` stories is
gathered after all. A tag's page, one query the planner shapes, shows the
same."""

import datetime

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import html as lxml_html

from portal import pagination, selectors
from tests.support.factories import (
    AgencyFactory,
    ArticleFactory,
    CategoryFactory,
    OfficialFactory,
)

pytestmark = pytest.mark.django_db

LINKED = 30


@pytest.fixture(autouse=True)
def uncached(settings):
    """Every request builds its page (the walk is what is tested)."""
    settings.WARTA_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def small_caps(monkeypatch):
    """Listings capped at two pages (24 stories), so that 30 are "many"."""
    monkeypatch.setattr(pagination, "MAX_PAGES", 2)
    monkeypatch.setattr(pagination, "GATHER_MAX", 10)


@pytest.fixture
def world():
    """30 linked stories among 60, one of each two, the newest unlinked;
    the link is a tag, an agency (involved, or contributing for every third)
    and an official. Returns the linked titles, newest first."""
    category = CategoryFactory()
    agency = AgencyFactory(slug="dinas-jalan")
    official = OfficialFactory(slug="pejabat-jalan")
    start = timezone.now() - datetime.timedelta(days=90)
    linked = []
    for n in range(2 * LINKED):
        story = ArticleFactory(
            published=True,
            title=f"Berita {n:02d}",
            category=category,
            contributing_agency=None,
            published_at=start + datetime.timedelta(days=n),
        )
        if n % 2 == 0:
            story.tags.add("jalan")
            story.officials.add(official)
            if n % 3 == 0:
                story.contributing_agency = agency
                story.save()
            else:
                story.agencies.add(agency)
            linked.append(story.title)
    ArticleFactory(title="Draf jalan", contributing_agency=agency).tags.add("jalan")
    return linked[::-1]


WALKED = ["/instansi/dinas-jalan/", "/pejabat/pejabat-jalan/"]
PATHS = ["/tag/jalan/", *WALKED]


def _shown(client, path):
    doc = lxml_html.fromstring(client.get(path).content)
    return doc.xpath('//div[@class="stories"]/article//h3/a/text()')


def _queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", PATHS)
def test_a_capped_listing_walked_shows_the_newest_page_by_page(
    client, small_caps, world, path
):
    assert _shown(client, path) == world[:12]
    assert _shown(client, path + "?page=2") == world[12:24]
    assert "Halaman 1 dari 2+" in client.get(path).content.decode()


@pytest.mark.parametrize("path", WALKED)
def test_a_page_the_window_cannot_fill_is_gathered_with_one_query_more(
    client, small_caps, world, path, monkeypatch
):
    walked = _queries(client, path)
    # Only the 8 newest stories are looked at: 4 of them linked.
    monkeypatch.setattr(selectors, "WALK_WINDOW", 8)
    assert _shown(client, path) == world[:12]
    assert _shown(client, path + "?page=2") == world[12:24]
    assert _queries(client, path) == walked + 1 <= 8  # the query budget


@pytest.mark.parametrize("path", PATHS)
def test_an_uncapped_listing_is_gathered_as_before(client, world, path):
    assert _shown(client, path) == world[:12]
    assert _shown(client, path + "?page=2") == world[12:24]
    assert _shown(client, path + "?page=3") == world[24:]
    assert "Halaman 1 dari 3<" in client.get(path).content.decode()


@pytest.mark.parametrize("path", WALKED)
def test_an_uncapped_linked_listing_counts_and_pages_from_one_lookup(
    client, world, path
):
    """Below the cap, an agency's or official's ids come back newest first
    with the count: the page's cards are one more query, by those ids."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path + "?page=2").status_code == 200
    sql = [q["sql"] for q in queries.captured_queries]
    ranked = [q for q in sql if q.startswith("SELECT pk FROM (")]
    assert len(ranked) == 1
    assert not any("COUNT(" in q for q in sql)


@pytest.mark.parametrize("path", ["/tag/jalan/feed/", "/instansi/dinas-jalan/feed/"])
@pytest.mark.parametrize("window", [2000, 8])
def test_a_feed_of_many_stories_lists_the_newest(
    client, small_caps, world, path, window, monkeypatch
):
    monkeypatch.setattr(selectors, "WALK_WINDOW", window)
    feed = feedparser.parse(client.get(path).content)
    assert [entry.title for entry in feed.entries] == world[:20]
