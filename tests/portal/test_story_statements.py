"""The story page's relation queries, compiled once and reused with each
page's values (portal/relations.py, ``compiled_once``)."""

import datetime
from unittest import mock

import pytest
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
