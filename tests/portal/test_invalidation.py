"""Which changes invalidate the page cache, when and how often
(portal/invalidation.py): after the commit, once per save, only what readers
see."""

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone

from articles import workflow
from articles.corrections import correction_add
from articles.models import (
    Article,
    ArticleCorrection,
    ArticleEvent,
    ArticlePhoto,
    PhotoSubject,
)
from articles.revisions import revision_record
from articles.services import edit_session_touch
from media_library.models import Rendition
from portal import invalidation
from portal.caching import pages_generation
from tests.support.admin_forms import change_url, form_data, story_in
from tests.support.caches import committed
from tests.support.factories import AgencyFactory, OfficialFactory
from tests.support.newsroom import bare_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    """An anonymous reader, apart from any logged-in client of the test."""
    return Client()


@pytest.fixture
def invalidations(monkeypatch):
    """A function running a change and its commit, returning what the page
    cache was told: ``"all"`` (every page) or the slugs whose pages were
    refreshed, one entry per invalidation."""
    told = []
    every, refresh = invalidation.pages_invalidate, invalidation.pages_refresh

    def pages_invalidate():
        told.append("all")
        every()

    def pages_refresh(*, slugs):
        told.append(sorted(slugs))
        refresh(slugs=slugs)

    monkeypatch.setattr(invalidation, "pages_invalidate", pages_invalidate)
    monkeypatch.setattr(invalidation, "pages_refresh", pages_refresh)

    def run(change):
        told.clear()
        with committed():
            change()
        return list(told)

    return run


def admin_save(client, story, **overrides):
    response = client.post(change_url(story), form_data(client, story, **overrides))
    assert response.status_code == 302, response.content.decode()[:2000]


def test_an_admin_save_of_a_published_story_refreshes_it_once(
    client, newsroom, reader, invalidations
):
    story = story_in(newsroom, "published", title="Judul lama")
    story.tags.set(["pilkada 2024"])
    assert "Judul lama" in reader.get(story.get_absolute_url()).content.decode()
    client.force_login(newsroom.editor)
    told = invalidations(lambda: admin_save(client, story, title="Judul baru"))
    assert told == [[story.slug]]
    assert "Judul baru" in reader.get(story.get_absolute_url()).content.decode()


def test_an_admin_save_that_changes_tags_agencies_and_officials_refreshes_once(
    client, newsroom, invalidations
):
    story = story_in(newsroom, "published")
    client.force_login(newsroom.editor)
    extra = {
        "tags": "banjir, pilkada 2024",
        "agencies": [AgencyFactory().pk],
        "officials": [OfficialFactory().pk],
    }
    assert invalidations(lambda: admin_save(client, story, **extra)) == [[story.slug]]
    assert set(story.tags.names()) == {"banjir", "pilkada 2024"}


def test_saving_a_draft_in_the_admin_invalidates_nothing(
    client, newsroom, reader, invalidations
):
    story_in(newsroom, "published", title="Sudah terbit")
    draft = story_in(newsroom, "draft", title="Masih draf")
    reader.get("/")
    client.force_login(newsroom.contributor_a)
    extra = {"tags": "banjir", "agencies": [AgencyFactory().pk], "body": "<p>x</p>"}
    assert invalidations(lambda: admin_save(client, draft, **extra)) == []
    assert reader.get("/")["X-Warta-Cache"] == "hit"


@pytest.mark.parametrize("state", ["in_review", "changes_requested", "unpublished"])
def test_saving_a_story_readers_cannot_see_invalidates_nothing(
    newsroom, state, invalidations
):
    story = story_in(newsroom, state)
    story.title = "Diubah diam-diam"
    assert invalidations(story.save) == []
    assert invalidations(lambda: story.tags.add("rahasia")) == []
    photos = ArticlePhoto.objects.filter(article=story)
    assert invalidations(photos.delete) == []


def test_setting_tags_to_what_they_were_invalidates_nothing(newsroom, invalidations):
    story = story_in(newsroom, "published")
    story.tags.set(["pilkada 2024", "banjir"])
    assert invalidations(lambda: story.tags.set(["banjir", "pilkada 2024"])) == []
    assert invalidations(lambda: story.tags.add("banjir")) == []
    assert invalidations(lambda: story.tags.remove("tidak ada")) == []
    assert invalidations(lambda: story.tags.set(["banjir"])) == [[story.slug]]


def test_revisions_edit_sessions_and_events_invalidate_nothing(newsroom, invalidations):
    story = story_in(newsroom, "published")

    def newsroom_work():
        revision = revision_record(article=story, by=newsroom.editor)
        edit_session_touch(article=story, user=newsroom.editor)
        ArticleEvent.objects.create(
            article=story,
            actor=newsroom.editor,
            action=ArticleEvent.Action.PUBLISH,
            from_status=story.status,
            to_status=story.status,
            revision=revision,
        )

    assert invalidations(newsroom_work) == []


def test_a_photo_only_drafts_use_invalidates_nothing_one_readers_see_does(
    newsroom, invalidations
):
    draft = story_in(newsroom, "draft")
    published = story_in(newsroom, "published")
    unused, in_draft = bare_photo(), draft.photos.get().photo
    in_story = published.photos.get().photo
    official = OfficialFactory()
    for photo in (unused, in_draft):
        photo.caption = "Keterangan baru"
        assert invalidations(photo.save) == []
        assert invalidations(lambda p=photo: _place(p, official)) == []
    in_story.caption = "Keterangan baru"
    assert invalidations(in_story.save) == [[published.slug]]
    assert invalidations(lambda: _place(in_story, official)) == [[published.slug]]


def test_renditions_made_later_refresh_the_stories_that_use_the_photo(
    newsroom, invalidations
):
    draft = story_in(newsroom, "draft")
    published = story_in(newsroom, "published")

    def renditions_of(photo):
        # What the worker's task writes: every width in one transaction.
        with transaction.atomic():
            for width in (480, 960):
                Rendition.objects.create(
                    photo=photo,
                    width=width,
                    height=width * 3 // 4,
                    format=Rendition.Format.WEBP,
                    file=f"renditions/uji-{photo.pk}-{width}.webp",
                )

    assert invalidations(lambda: renditions_of(draft.photos.get().photo)) == []
    photo = published.photos.get().photo
    assert invalidations(lambda: renditions_of(photo)) == [[published.slug]]


def _place(photo, official):
    PhotoSubject.objects.create(photo=photo, official=official)


def test_publish_unpublish_and_restore_invalidate_every_page_once(
    newsroom, invalidations
):
    story = story_in(newsroom, "in_review")
    editor = newsroom.editor
    assert invalidations(
        lambda: workflow.article_publish(article=story, by=editor)
    ) == ["all"]
    told = invalidations(
        lambda: workflow.article_unpublish(
            article=story, by=editor, reason="Keliru.", cause="sara"
        )
    )
    assert told == ["all"]
    assert invalidations(
        lambda: workflow.article_restore(article=story, by=editor)
    ) == ["all"]


def test_a_correction_refreshes_every_page_at_once(newsroom, reader, invalidations):
    story = story_in(newsroom, "published")
    reader.get(story.get_absolute_url())
    kind = ArticleCorrection.Kind.KOREKSI
    told = invalidations(
        lambda: correction_add(
            article=story, by=newsroom.editor, kind=kind, summary="K"
        )
    )
    assert told == ["all"]
    assert "dikoreksi" in reader.get(story.get_absolute_url()).content.decode()


def test_scheduling_or_editing_a_scheduled_story_invalidates_every_page(
    newsroom, invalidations
):
    story = story_in(newsroom, "in_review")
    at = timezone.now() + timezone.timedelta(hours=2)
    told = invalidations(
        lambda: workflow.article_publish(article=story, by=newsroom.editor, at=at)
    )
    assert told == ["all"]
    story.title = "Judul terjadwal diubah"
    assert invalidations(story.save) == ["all"]


def test_a_taken_down_story_named_on_koreksi_invalidates_when_renamed(
    newsroom, reader, invalidations
):
    story = story_in(newsroom, "published", title="Judul yang dicabut")
    with committed():
        workflow.article_unpublish(
            article=story, by=newsroom.editor, reason="Keliru.", cause="sara"
        )
    assert "Judul yang dicabut" in reader.get("/koreksi/").content.decode()
    story.refresh_from_db()
    story.title = "Judul lain"
    assert invalidations(story.save) == ["all"]
    assert "Judul lain" in reader.get("/koreksi/").content.decode()


def test_a_story_that_stops_being_public_invalidates_every_page(
    newsroom, reader, invalidations
):
    story = story_in(newsroom, "published", title="Akan jadi draf")
    assert "Akan jadi draf" in reader.get("/").content.decode()
    story.status = Article.Status.DRAFT
    assert invalidations(story.save) == ["all"]
    assert "Akan jadi draf" not in reader.get("/").content.decode()


def test_a_new_address_or_time_invalidates_every_page(newsroom, invalidations):
    story = story_in(newsroom, "published")
    story.slug = "alamat-baru"
    assert invalidations(story.save) == ["all"]
    story.published_at -= timezone.timedelta(days=1)
    assert invalidations(story.save) == ["all"]


def test_nothing_is_invalidated_before_the_commit_nor_after_a_rollback(newsroom):
    story = story_in(newsroom, "published", slug="dua-kali")
    story.status = Article.Status.DRAFT
    before = pages_generation()
    with committed():
        with transaction.atomic():
            story.save()
            assert pages_generation() == before  # not yet: not committed
        with pytest.raises(RuntimeError), transaction.atomic():
            story.title = "Dibatalkan"
            story.save()
            raise RuntimeError
    assert pages_generation() == before + 1  # once, for the first block
    before = pages_generation()
    story.status = Article.Status.PUBLISHED
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        story.save()
        raise RuntimeError
    assert pages_generation() == before


def test_deleting_a_draft_invalidates_nothing_a_published_story_does(
    newsroom, invalidations
):
    draft = story_in(newsroom, "draft")
    published = story_in(newsroom, "published")
    assert invalidations(draft.delete) == []
    assert invalidations(published.delete) == ["all"]


def test_renaming_a_tag_only_drafts_use_invalidates_nothing(newsroom, invalidations):
    draft = story_in(newsroom, "draft")
    draft.tags.add("rahasia")
    published = story_in(newsroom, "published")
    published.tags.add("terbuka")
    secret = draft.tags.get(name="rahasia")
    secret.name = "rahasia lain"
    assert invalidations(secret.save) == []
    public = published.tags.get(name="terbuka")
    public.name = "terbuka lain"
    assert invalidations(public.save) == ["all"]
