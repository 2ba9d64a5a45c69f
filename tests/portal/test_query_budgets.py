"""Every public page runs a small, fixed number of SQL queries.

Each test measures a page with a small world, then with many more photos,
tags, officials, agencies and stories, and checks the count did not grow and
stays within the page's budget. The page cache is bypassed (a fresh cache
for each request) so the rendering itself is measured; a cached page costs
no query at all (test_caching.py).
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.corrections import correction_add
from articles.models import ArticlePhoto, PhotoSubject
from portal import search
from portal.popularity import reads_flush
from tests.support.factories import (
    AgencyFactory,
    ArticleFactory,
    OfficialFactory,
    PageFactory,
    PositionFactory,
)
from tests.support.newsroom import Newsroom
from tests.support.photos import PhotoFactory
from tests.support.stories import seed_story

pytestmark = pytest.mark.django_db

# Every public page stays at 8 queries or fewer (issue 9), counted on a
# page-cache miss with nothing cached at all.
BUDGETS = {
    "home": 8,
    "story": 8,
    "category": 8,
    "tag": 8,
    "agency": 8,
    "official": 8,
    "archive": 8,
    "search": 8,
    "search_many": 8,
    "search_typo": 8,
    "search_typo_any_word": 8,
    "search_any_word": 8,
    "search_nothing": 8,
    "search_filtered": 8,
    "search_past_the_end": 8,
    "feed": 5,
    "category_feed": 6,
    "sitemap_index": 8,
    "sitemap_stories": 3,
    "news_sitemap": 3,
    "page": 4,
    "officials": 5,
    "agencies": 5,
    "categories": 5,
    "corrections": 8,
}
# The admin's story list and its search, for an editor.
ADMIN_BUDGETS = {"admin_list": 13, "admin_search": 13}


def _paths(story):
    day = story.published_at
    return {
        "home": "/",
        "story": story.get_absolute_url(),
        "category": story.category.get_absolute_url(),
        "tag": "/tag/pilkada-2024/",
        "agency": "/instansi/polres-kobar/",
        "official": "/pejabat/pejabat-kobar-0/",
        "archive": f"/arsip/{day:%Y}/{day:%m}/",
        "search": "/cari/?q=pilkada",
        # More matches than the ranked window: the total is estimated.
        "search_many": "/cari/?q=berita",
        # The fallbacks: a corrected word ("Mungkin maksud Anda"), a corrected
        # word found only beside none of the others, any of the words, none.
        "search_typo": "/cari/?q=pilkda",
        "search_typo_any_word": "/cari/?q=pilkda+kalong",
        "search_any_word": "/cari/?q=pilkada+jembatan",
        "search_nothing": "/cari/?q=qwxzv+zqxwv",
        "search_filtered": "/cari/?q=pilkda&kategori=politik-pemilu"
        "&instansi=polres-kobar&dari=2020-01-01&sampai=2030-12-31",
        "search_past_the_end": "/cari/?q=pilkada&page=99",
        "feed": "/feed/",
        "category_feed": f"{story.category.get_absolute_url()}feed/",
        "sitemap_index": "/sitemap.xml",
        "sitemap_stories": "/sitemap-berita.xml",
        "news_sitemap": "/sitemap-news.xml",
        "page": "/halaman/redaksi-uji/",
        "officials": "/pejabat/",
        "agencies": "/instansi/",
        "categories": "/kategori/",
        "corrections": "/koreksi/",
    }


def _count(client, path):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def _grow(story, photos):
    """Many more of everything the pages show."""
    polres = story.contributing_agency
    officials = []
    for i in range(10):
        official = OfficialFactory()
        PositionFactory(official=official, agency=polres, title=f"Jabatan {i}")
        PositionFactory(official=official, agency=AgencyFactory(parent=polres))
        officials.append(official)
    story.officials.add(*officials)
    story.agencies.add(*[AgencyFactory(parent=polres) for _ in range(10)])
    story.tags.add(*[f"tag tambahan {i}" for i in range(10)])
    for i, photo in enumerate(photos):
        ArticlePhoto.objects.create(article=story, photo=photo, order=10 + i)
        for official in officials[:3]:
            PhotoSubject.objects.create(photo=photo, official=official)
    for i in range(30):
        other = ArticleFactory(
            published=True, category=story.category, contributing_agency=polres
        )
        other.tags.add("pilkada 2024", f"lain {i}")
        other.officials.add(*officials[:2], story.officials.first())
        other.agencies.add(polres)
        ArticlePhoto.objects.create(
            article=other, photo=photos[i % len(photos)], role="featured"
        )
        for j in range(3):
            ArticlePhoto.objects.create(
                article=other, photo=photos[j % len(photos)], order=j + 1
            )
        story.related.add(other)
        reads_flush(article_id=other.pk, day=other.published_at.date(), count=i + 1)


@pytest.fixture
def story():
    story = seed_story(photos=2, officials=2, agencies=1, tags=("pilkada 2024",))
    PageFactory(title="Redaksi Uji")
    # A few other stories, so that no section of a page is empty to begin with
    # (the home page's category blocks follow its seven newest).
    for _ in range(8):
        other = ArticleFactory(published=True, category=story.category)
        other.tags.add("pilkada 2024")
        reads_flush(article_id=other.pk, day=other.published_at.date(), count=1)
    return story


def test_every_public_page_stays_within_a_fixed_query_budget(
    client, story, monkeypatch
):
    # A window smaller than the grown archive's matches for "berita".
    monkeypatch.setattr(search, "RANK_WINDOW", 20)
    paths = _paths(story)
    small = {name: _count(client, path) for name, path in paths.items()}
    _grow(story, [PhotoFactory() for _ in range(4)])
    # The story page with a correction shows it: the worst case.
    correction_add(article=story, by=Newsroom().editor, kind="ralat", summary="Ralat.")
    large = {name: _count(client, path) for name, path in paths.items()}

    for name in paths:
        assert large[name] <= BUDGETS[name], (name, large[name])
    # Only pages showing corrections read them when there are some; a search
    # with more matches than its window adds the estimate.
    assert large["story"] == small["story"] + 1
    assert large["corrections"] == small["corrections"] + 1
    for name in set(paths) - {"story", "corrections", "search_many"}:
        assert large[name] == small[name], (name, small[name], large[name])
    # The fallbacks measured are the ones named.
    for name in ("search_typo", "search_typo_any_word", "search_filtered"):
        assert 'class="suggestion"' in client.get(paths[name]).text, name
    for name in ("search_typo_any_word", "search_any_word"):
        assert "memuat sebagian" in client.get(paths[name]).text, name
    assert "Tidak ada berita yang cocok" in client.get(paths["search_nothing"]).text
    # A page past the end shows the first, however far past.
    assert story.get_absolute_url() in client.get(paths["search_past_the_end"]).text
    far = "/cari/?q=pilkada&page=99999999999999999999"
    assert story.get_absolute_url() in client.get(far).text


def test_admin_story_list_and_search_stay_within_a_fixed_query_budget(client, story):
    client.force_login(Newsroom().editor)
    paths = {
        "admin_list": "/admin/articles/article/",
        "admin_search": "/admin/articles/article/?q=pilkada",
    }
    small = {name: _count(client, path) for name, path in paths.items()}
    _grow(story, [PhotoFactory() for _ in range(4)])
    large = {name: _count(client, path) for name, path in paths.items()}
    for name in paths:
        assert large[name] <= ADMIN_BUDGETS[name], (name, large[name])
        assert large[name] == small[name], (name, small[name], large[name])
