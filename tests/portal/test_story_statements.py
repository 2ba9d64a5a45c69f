"""The story page's relation queries, compiled once and reused with each
page's values (portal/statements.py, ``compiled_once``)."""

import datetime
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from articles.models import Article
from portal import relations
from tests.support.factories import AgencyFactory, ArticleFactory, OfficialFactory

pytestmark = pytest.mark.django_db


def test_visible_at_a_moment_is_the_visible_queryset_at_that_moment():
    moment = timezone.now().replace(microsecond=0)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        visible = str(Article.objects.visible().query)
    assert str(Article.objects.visible(at=moment).query) == visible


def _story(tag, agency, official, **kwargs):
    story = ArticleFactory(published=True, **kwargs)
    story.tags.add(tag)
    story.agencies.add(agency)
    story.officials.add(official)
    return story


def test_a_reused_statement_reads_each_storys_own_relations():
    first_agency, second_agency = AgencyFactory(), AgencyFactory()
    first_official, second_official = OfficialFactory(), OfficialFactory()
    first = _story("banjir", first_agency, first_official)
    second = _story("kemarau", second_agency, second_official)
    first_peer = _story("banjir", first_agency, first_official, title="Banjir lagi")
    second_peer = _story(
        "kemarau", second_agency, second_official, title="Kemarau lagi"
    )

    for story, agency, official, peer in (
        (first, first_agency, first_official, first_peer),
        (second, second_agency, second_official, second_peer),
        (first, first_agency, first_official, first_peer),
    ):
        tags, agencies, officials = relations.story_relations(story)
        assert [tag.name for tag in tags] == [story.tags.get().name]
        assert [a.pk for a in agencies] == [agency.pk]
        assert [o.pk for o, _position in officials] == [official.pk]
        related = relations.related_stories(
            story, tags=tags, agencies=agencies, officials=[official]
        )
        assert [r["title"] for r in related] == [peer.title]
        assert related[0]["url"] == peer.get_absolute_url()
        assert related[0]["published_at"] == peer.published_at


def test_the_moment_is_a_parameter_not_part_of_the_statement():
    agency, official = AgencyFactory(), OfficialFactory()
    story = _story("pilkada", agency, official)
    soon = timezone.now() + datetime.timedelta(minutes=5)
    _story("pilkada", agency, official, title="Terjadwal", published_at=soon)
    tags, agencies, officials = relations.story_relations(story)
    people = [o for o, _position in officials]

    assert (
        relations.related_stories(story, tags=tags, agencies=agencies, officials=people)
        == []
    )
    later = soon + datetime.timedelta(minutes=1)
    with mock.patch("portal.relations.timezone.now", return_value=later):
        related = relations.related_stories(
            story, tags=tags, agencies=agencies, officials=people
        )
    assert [r["title"] for r in related] == ["Terjadwal"]


def test_each_links_newest_stories_are_found_however_old(django_assert_num_queries):
    """Two officials whose stories are older than many others: their newest
    are still the candidates, each story once, newest first."""
    other_agency = AgencyFactory()
    old, older, busy = OfficialFactory(), OfficialFactory(), OfficialFactory()
    start = timezone.now() - datetime.timedelta(days=30)

    def at(days, *people, title):
        story = ArticleFactory(
            published=True,
            title=title,
            published_at=start + datetime.timedelta(days=days),
            contributing_agency=other_agency,
        )
        story.officials.add(*people)
        return story

    at(1, older, title="Lama 1")
    at(2, old, title="Lama 2")
    at(3, old, older, title="Lama 3, keduanya")
    at(4, older, title="Lama 4")
    for day in range(5, 29):
        at(day, busy, title=f"Lain {day}")
    story = at(29, old, older, title="Berita ini")

    tags, agencies, officials = relations.story_relations(story)
    people = [o for o, _position in officials]
    with django_assert_num_queries(1) as queries:
        related = relations.related_stories(
            story, tags=tags, agencies=agencies, officials=people
        )
    assert [r["title"] for r in related] == [
        "Lama 4",
        "Lama 3, keduanya",
        "Lama 2",
        "Lama 1",
    ]
    if connection.vendor == "postgresql":
        # Each official's newest read from the (official, story) index alone:
        # no "official_id IN (...)", which walked every story id backwards.
        sql = queries.captured_queries[0]["sql"]
        assert '"official_id" IN' not in sql
        # Padded to four probes (few statement shapes), the padding with 0.
        assert sql.count('"official_id" = ') == 4
        assert sql.count('"official_id" = 0 ') == 4 - len(people)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements: PostgreSQL"
)
def test_the_story_pages_statements_are_prepared_on_postgresql(client, settings):
    """Planned once per connection (``compiled_cursor``), not on every page;
    ``WARTA_DB_PREPARED=false`` (PgBouncer without them) prepares none."""
    story = _story("banjir", AgencyFactory(), OfficialFactory())

    def prepared():
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            return [row[0] for row in cursor.fetchall()]

    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # psycopg forgets its own too
    settings.WARTA_DB_PREPARED = False
    assert client.get(story.get_absolute_url()).status_code == 200
    assert prepared() == []

    settings.WARTA_DB_PREPARED = True
    for _ in range(2):
        cache.clear()  # the page built, not served from the page cache
        assert client.get(story.get_absolute_url()).status_code == 200
    statements = prepared()
    assert any('"r_kind"' in sql for sql in statements)  # story_relations
    assert any('"articles_articlephoto"' in sql for sql in statements)
    assert len(statements) == len(set(statements)) >= 4

    # A story whose id does not fit a smallint reuses the same statements:
    # integers are bound with one type, whatever their size.
    large = _story("banjir", AgencyFactory(), OfficialFactory(), pk=70_000)
    cache.clear()
    assert client.get(large.get_absolute_url()).status_code == 200
    assert sorted(prepared()) == sorted(statements)


def test_stories_with_a_few_more_or_fewer_links_share_one_statement():
    """The id lists are padded (``_padded``): a story with one tag and one
    with three, one official or none, use the same compiled statement, and
    each still finds its own peers."""
    from portal import statements

    agency = AgencyFactory()
    one = _story("banjir", agency, OfficialFactory())
    _story("banjir", AgencyFactory(), OfficialFactory(), title="Satu")  # its peer
    three = ArticleFactory(published=True)
    three.tags.add("kemarau", "sawah", "panen")
    three.agencies.add(agency)
    peer_of_three = ArticleFactory(published=True, title="Tiga")
    peer_of_three.tags.add("panen")

    statements._STATEMENTS.clear()
    found = []
    for story in (one, three):
        tags, agencies, officials = relations.story_relations(story)
        people = [o for o, _position in officials]
        related = relations.related_stories(
            story, tags=tags, agencies=agencies, officials=people
        )
        found.append({r["title"] for r in related})
    assert "Satu" in found[0] and "Tiga" in found[1]
    shapes = [key for key in statements._STATEMENTS if relations._related_query in key]
    assert len(shapes) == 1
