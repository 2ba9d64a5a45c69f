"""The admin's story list as the archive grows (articles/admin/story_list.py,
articles/templatetags/story_admin.py): a fixed number of queries, a count
that stops at its cap, the search on titles, the date drill-down."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.admin.story_list import CappedPaginator
from articles.models import Article
from tests.support.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

LIST = reverse("admin:articles_article_changelist")


def stories(count, **kwargs):
    category = CategoryFactory()
    for n in range(count):
        ArticleFactory(
            category=category,
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() - datetime.timedelta(days=40 * n + 1),
            **kwargs,
        )


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("query", ["", "?q=contoh", "?q=berita+nomor", "?status=draft"])
def test_story_list_queries_do_not_grow_with_the_archive(client, newsroom, query):
    client.force_login(newsroom.editor)
    stories(3)
    few = queries_for(client, LIST + query)
    stories(30)
    assert queries_for(client, LIST + query) == few
    assert few <= 12


def test_story_list_query_count_for_an_editor(
    client, newsroom, django_assert_max_num_queries
):
    client.force_login(newsroom.editor)
    stories(12)
    client.get(LIST)  # the session's first request may write it
    # session, user, two-factor devices (2), permissions (2), the category and
    # agency filters' choices, the count, the page, the years' span
    with django_assert_max_num_queries(11):
        assert client.get(LIST + "?q=contoh").status_code == 200


def test_count_stops_at_its_cap_and_says_more_than(client, newsroom, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 4)
    client.force_login(newsroom.editor)
    stories(6)
    page = client.get(LIST, {"q": "contoh"}).content.decode()
    assert "lebih dari 4 berita" in page
    assert "lebih dari 4 hasil" in page
    # No "select all N across pages": N is not known.
    assert 'class="question' not in page


def test_count_below_the_cap_is_exact_and_offers_select_all(
    client, newsroom, monkeypatch
):
    monkeypatch.setattr(CappedPaginator, "cap", 4)
    monkeypatch.setattr("articles.admin.story.ArticleAdmin.list_per_page", 2)
    client.force_login(newsroom.editor)
    stories(3)
    page = client.get(LIST).content.decode()
    assert "3 berita" in page
    assert "lebih dari" not in page
    assert 'class="question' in page


def test_search_finds_words_of_the_title_in_any_order(admin_client):
    ArticleFactory(title="Bupati Resmikan Pasar Indra Kencana")
    ArticleFactory(title="Rapat Koordinasi Pilkada")
    page = admin_client.get(LIST, {"q": "kencana bupati"}).content.decode()
    assert "Bupati Resmikan Pasar Indra Kencana" in page
    assert "Rapat Koordinasi Pilkada" not in page


def test_search_finds_a_story_by_its_pasted_slug(admin_client):
    story = ArticleFactory(title="Pupuk Langka di Kumai")
    ArticleFactory(title="Pupuk Datang")
    page = admin_client.get(LIST, {"q": f" {story.slug.upper()} "}).content.decode()
    assert "Pupuk Langka di Kumai" in page
    assert "Pupuk Datang" not in page


def test_search_leaves_out_other_agencies_stories_for_a_contributor(client, newsroom):
    ArticleFactory(title="Vaksinasi Warga A", contributing_agency=newsroom.agency_a)
    ArticleFactory(title="Vaksinasi Warga B", contributing_agency=newsroom.agency_b)
    client.force_login(newsroom.contributor_a)
    page = client.get(LIST, {"q": "vaksinasi"}).content.decode()
    assert "Vaksinasi Warga A" in page
    assert "Vaksinasi Warga B" not in page


def _years(page):
    return re.findall(r'href="\?[^"]*published_at__year=(\d+)[^"]*">\d+</a>', page)


def test_drill_down_offers_every_year_of_the_archive_even_under_a_search(
    admin_client,
):
    now = timezone.now()
    ArticleFactory(
        title="Lama",
        status=Article.Status.PUBLISHED,
        published_at=now.replace(year=now.year - 2),
    )
    ArticleFactory(title="Baru", status=Article.Status.PUBLISHED, published_at=now)
    years = [str(now.year - 2), str(now.year - 1), str(now.year)]
    assert _years(admin_client.get(LIST).content.decode()) == years
    searched = admin_client.get(LIST, {"q": "baru"}).content.decode()
    assert _years(searched) == years
    assert f"published_at__year={now.year}&amp;q=baru" in searched


def test_drill_down_years_are_the_contributors_own(client, newsroom):
    now = timezone.now()
    ArticleFactory(
        contributing_agency=newsroom.agency_b,
        status=Article.Status.PUBLISHED,
        published_at=now.replace(year=now.year - 3),
    )
    ArticleFactory(
        contributing_agency=newsroom.agency_a,
        status=Article.Status.PUBLISHED,
        published_at=now.replace(year=now.year - 1),
    )
    ArticleFactory(contributing_agency=newsroom.agency_a, published_at=now)
    client.force_login(newsroom.contributor_a)
    page = client.get(LIST).content.decode()
    assert _years(page) == [str(now.year - 1), str(now.year)]


def test_drill_down_into_a_year_lists_its_months(admin_client):
    ArticleFactory(
        status=Article.Status.PUBLISHED,
        published_at=timezone.make_aware(datetime.datetime(2024, 3, 5, 10)),
    )
    page = admin_client.get(LIST, {"published_at__year": "2024"}).content.decode()
    assert "published_at__month=3&amp;published_at__year=2024" in page


def test_only_indexed_columns_offer_sorting(admin_client):
    stories(2)
    page = admin_client.get(LIST).content.decode()
    sortable = re.findall(r'<th scope="col" class="sortable[^"]*column-(\w+)', page)
    assert sortable == ["title", "status_label", "published_at"]


def test_list_sorts_by_title_both_ways(admin_client):
    for title in ["Banjir", "Asap", "Cuaca"]:
        ArticleFactory(title=title)
    for order, expected in [
        ("1", ["Asap", "Banjir", "Cuaca"]),
        ("-1", ["Cuaca", "Banjir", "Asap"]),
    ]:
        page = admin_client.get(LIST, {"o": order}).content.decode()
        titles = re.findall(r'<th class="field-title"><a [^>]*>([^<]+)</a>', page)
        assert titles == expected


def test_a_column_that_does_not_sort_is_ignored_in_the_address(admin_client):
    old = ArticleFactory(
        title="Lama",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - datetime.timedelta(days=3),
    )
    ArticleFactory(
        title="Baru", status=Article.Status.PUBLISHED, published_at=timezone.now()
    )
    old.category.name = "A"  # a category sort would put the old story first
    old.category.save()
    response = admin_client.get(LIST, {"o": "3"})
    assert response.status_code == 200
    titles = re.findall(
        r'<th class="field-title"><a [^>]*>([^<]+)</a>', response.content.decode()
    )
    assert titles == ["Baru", "Lama"]


def test_a_capped_list_stays_in_pages_and_never_shows_all(admin_client, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 2)
    monkeypatch.setattr("articles.admin.story.ArticleAdmin.list_per_page", 2)
    stories(3)
    for params in ({}, {"all": ""}):
        page = admin_client.get(LIST, params).content.decode()
        assert page.count('name="_selected_action"') == 2
        assert 'class="showall"' not in page


def test_row_links_keep_the_search_and_filters_without_resolving_each(
    admin_client, monkeypatch
):
    ArticleFactory(title="Banjir di Kumai & sekitarnya")
    ArticleFactory(title="Banjir rob di pesisir")
    resolved = []
    from django.contrib.admin.templatetags import admin_urls

    real_resolve = admin_urls.resolve
    monkeypatch.setattr(
        admin_urls, "resolve", lambda path: resolved.append(path) or real_resolve(path)
    )
    html = admin_client.get(LIST, {"q": "banjir", "status": "draft"}).content.decode()
    links = re.findall(r'<th class="field-title"><a href="([^"]+)"', html)
    assert len(links) == 2
    for link in links:
        path, query = link.split("?")
        assert re.fullmatch(r"/admin/articles/article/\d+/change/", path)
        # What Django's add_preserved_filters gives: the list's own query.
        assert query == "_changelist_filters=q%3Dbanjir%26status%3Ddraft"
    assert not [path for path in resolved if "/change/" in path]  # not per row
