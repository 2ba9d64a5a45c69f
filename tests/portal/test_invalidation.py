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


def bumps(change):
    """How many times ``change`` (run and committed) bumped the generation."""
    before = pages_generation()
    with committed():
        change()
    return pages_generation() - before


def admin_save(client, story, **overrides):
    response = client.post(change_url(story), form_data(client, story, **overrides))
    assert response.status_code == 302, response.content.decode()[:2000]


def test_an_admin_save_of_a_published_story_invalidates_once(client, newsroom, reader):
    story = story_in(newsroom, "published", title="Judul lama")
    story.tags.set(["pilkada 2024"])
    assert "Judul lama" in reader.get("/").content.decode()
    client.force_login(newsroom.editor)
    assert bumps(lambda: admin_save(client, story, title="Judul baru")) == 1
    assert "Judul baru" in reader.get("/").content.decode()


def test_an_admin_save_that_changes_tags_agencies_and_officials_invalidates_once(
    client, newsroom
):
    story = story_in(newsroom, "published")
    client.force_login(newsroom.editor)
    extra = {
        "tags": "banjir, pilkada 2024",
        "agencies": [AgencyFactory().pk],
        "officials": [OfficialFactory().pk],
    }
    assert bumps(lambda: admin_save(client, story, **extra)) == 1
    assert set(story.tags.names()) == {"banjir", "pilkada 2024"}


def test_saving_a_draft_in_the_admin_invalidates_nothing(client, newsroom, reader):
    story_in(newsroom, "published", title="Sudah terbit")
    draft = story_in(newsroom, "draft", title="Masih draf")
    reader.get("/")
    client.force_login(newsroom.contributor_a)
    extra = {"tags": "banjir", "agencies": [AgencyFactory().pk], "body": "<p>x</p>"}
    assert bumps(lambda: admin_save(client, draft, **extra)) == 0
    assert reader.get("/")["X-Warta-Cache"] == "hit"


@pytest.mark.parametrize("state", ["in_review", "changes_requested", "unpublished"])
def test_saving_a_story_readers_cannot_see_invalidates_nothing(newsroom, state):
    story = story_in(newsroom, state)
    story.title = "Diubah diam-diam"
    assert bumps(story.save) == 0
    assert bumps(lambda: story.tags.add("rahasia")) == 0
    assert bumps(lambda: ArticlePhoto.objects.filter(article=story).delete()) == 0


def test_setting_tags_to_what_they_were_invalidates_nothing(newsroom):
    story = story_in(newsroom, "published")
    story.tags.set(["pilkada 2024", "banjir"])
    assert bumps(lambda: story.tags.set(["banjir", "pilkada 2024"])) == 0
    assert bumps(lambda: story.tags.add("banjir")) == 0
    assert bumps(lambda: story.tags.remove("tidak ada")) == 0
    assert bumps(lambda: story.tags.set(["banjir"])) == 1


def test_revisions_edit_sessions_and_events_invalidate_nothing(newsroom):
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

    assert bumps(newsroom_work) == 0


def test_a_photo_only_drafts_use_invalidates_nothing_one_readers_see_does(newsroom):
    draft = story_in(newsroom, "draft")
    published = story_in(newsroom, "published")
    unused, in_draft = bare_photo(), draft.photos.get().photo
    in_story = published.photos.get().photo
    official = OfficialFactory()
    for photo in (unused, in_draft):
        photo.caption = "Keterangan baru"
        assert bumps(photo.save) == 0
        assert bumps(lambda p=photo: _place(p, official)) == 0
    in_story.caption = "Keterangan baru"
    assert bumps(in_story.save) == 1
    assert bumps(lambda: _place(in_story, official)) == 1


def _place(photo, official):
    PhotoSubject.objects.create(photo=photo, official=official)


def test_publish_unpublish_restore_and_correction_each_invalidate_once(newsroom):
    story = story_in(newsroom, "in_review")
    editor = newsroom.editor
    assert bumps(lambda: workflow.article_publish(article=story, by=editor)) == 1
    kind = ArticleCorrection.Kind.KOREKSI
    assert (
        bumps(lambda: correction_add(article=story, by=editor, kind=kind, summary="K"))
        == 1
    )
    assert (
        bumps(
            lambda: workflow.article_unpublish(
                article=story, by=editor, reason="Keliru.", cause="sara"
            )
        )
        == 1
    )
    assert bumps(lambda: workflow.article_restore(article=story, by=editor)) == 1


def test_scheduling_a_story_invalidates_so_pages_expire_at_its_time(newsroom):
    story = story_in(newsroom, "in_review")
    at = timezone.now() + timezone.timedelta(hours=2)
    assert (
        bumps(
            lambda: workflow.article_publish(article=story, by=newsroom.editor, at=at)
        )
        == 1
    )
    story.title = "Judul terjadwal diubah"
    assert bumps(story.save) == 1


def test_a_taken_down_story_named_on_koreksi_invalidates_when_renamed(newsroom, reader):
    story = story_in(newsroom, "published", title="Judul yang dicabut")
    with committed():
        workflow.article_unpublish(
            article=story, by=newsroom.editor, reason="Keliru.", cause="sara"
        )
    assert "Judul yang dicabut" in reader.get("/koreksi/").content.decode()
    story.refresh_from_db()
    story.title = "Judul lain"
    assert bumps(story.save) == 1
    assert "Judul lain" in reader.get("/koreksi/").content.decode()


def test_a_story_that_stops_being_public_invalidates(newsroom, reader):
    story = story_in(newsroom, "published", title="Akan jadi draf")
    assert "Akan jadi draf" in reader.get("/").content.decode()
    story.status = Article.Status.DRAFT
    assert bumps(story.save) == 1
    assert "Akan jadi draf" not in reader.get("/").content.decode()


def test_nothing_is_invalidated_before_the_commit_nor_after_a_rollback(newsroom):
    story = story_in(newsroom, "published")
    before = pages_generation()
    with committed():
        with transaction.atomic():
            story.title = "Belum tersimpan"
            story.save()
            assert pages_generation() == before  # not yet: not committed
        with pytest.raises(RuntimeError), transaction.atomic():
            story.title = "Dibatalkan"
            story.save()
            raise RuntimeError
    assert pages_generation() == before + 1  # the first block only
    before = pages_generation()
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        story.save()
        raise RuntimeError
    assert pages_generation() == before


def test_deleting_a_draft_invalidates_nothing_a_published_story_does(newsroom):
    draft = story_in(newsroom, "draft")
    published = story_in(newsroom, "published")
    assert bumps(draft.delete) == 0
    assert bumps(published.delete) == 1


def test_renaming_a_tag_only_drafts_use_invalidates_nothing(newsroom):
    draft = story_in(newsroom, "draft")
    draft.tags.add("rahasia")
    published = story_in(newsroom, "published")
    published.tags.add("terbuka")
    secret = draft.tags.get(name="rahasia")
    secret.name = "rahasia lain"
    assert bumps(secret.save) == 0
    public = published.tags.get(name="terbuka")
    public.name = "terbuka lain"
    assert bumps(public.save) == 1
