"""Revisions (articles/revisions.py): snapshots, the version token, restoring
an old snapshot as a new revision, and comparing two word by word."""

import pytest

from articles import workflow
from articles.errors import WorkflowError
from articles.models import ArticleRevision
from articles.revisions import (
    compare,
    latest_revision_id,
    revision_record,
    revision_restore,
    word_diff,
)
from tests.support.newsroom import agency_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(newsroom):
    return agency_story(newsroom)


def test_word_diff_marks_words_not_lines():
    parts = word_diff("Kapolres hadir di aula", "Kapolres Kobar hadir di aula")
    assert "".join(t for op, t in parts if op != "delete") == (
        "Kapolres Kobar hadir di aula"
    )
    assert [t.strip() for op, t in parts if op == "insert"] == ["Kobar"]
    assert not [t for op, t in parts if op == "delete"]


def test_snapshot_covers_tags_people_agencies_and_photos(newsroom, story):
    revision = revision_record(article=story, by=newsroom.editor)
    content = revision.content
    assert content["tags"] == ["pilkada 2024"]
    assert content["category"]["name"] == story.category.name
    assert content["photos"][0]["role"] == "featured"
    assert content["photos"][0]["caption"].startswith("Pj. Bupati")


def test_compare_reports_nothing_changed():
    content = {"title": "A", "tags": ["x"], "photos": []}
    assert compare(content, content)["changed"] is False


def test_the_version_token_is_the_newest_revision_id(newsroom, story):
    assert latest_revision_id(story) == 0
    revision_record(article=story, by=newsroom.editor)
    newest = revision_record(article=story, by=newsroom.contributor_a)
    assert latest_revision_id(story) == newest.pk


def test_restore_brings_back_the_old_content_as_a_new_revision(newsroom, story):
    first = revision_record(article=story, by=newsroom.contributor_a)
    story.title = "Judul yang salah"
    story.save()
    story.tags.set(["salah"])
    story.photos.all().delete()
    revision_record(article=story, by=newsroom.contributor_a)
    restored = revision_restore(revision=first, by=newsroom.contributor_a)
    story.refresh_from_db()
    assert story.title == "Rakor Pilkada"
    assert list(story.tags.names()) == ["pilkada 2024"]
    assert story.photos.get().role == "featured"
    assert restored.pk > first.pk and "Dipulihkan" in restored.note
    assert ArticleRevision.objects.filter(article=story).count() == 3


def test_restore_leaves_out_photos_removed_from_the_library_since(newsroom, story):
    first = revision_record(article=story, by=newsroom.editor)
    photo = story.photos.get().photo
    story.photos.all().delete()
    photo.delete()
    revision_restore(revision=first, by=newsroom.editor)
    assert not story.photos.exists()


def test_a_contributor_may_not_restore_a_story_under_review(newsroom, story):
    first = revision_record(article=story, by=newsroom.contributor_a)
    workflow.article_submit(article=story, by=newsroom.contributor_a)
    story.title = "Judul editor"
    story.save()
    with pytest.raises(WorkflowError):
        revision_restore(revision=first, by=newsroom.contributor_a)
    story.refresh_from_db()
    assert story.title == "Judul editor"
