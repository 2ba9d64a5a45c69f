"""Revisions: a snapshot at every save, compare any two word by word,
"since the last submission" for editors, restore as a new revision."""

import re

import pytest
from django.urls import reverse

from articles import workflow
from articles.errors import WorkflowError
from articles.models import ArticleRevision
from articles.revisions import compare, revision_record, revision_restore, word_diff
from tests.articles.test_permissions import form_data
from tests.articles.workflow_factories import bare_photo, ready_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(newsroom):
    article = ready_story(
        photo=bare_photo(),
        title="Rakor Pilkada",
        body="<p>Kapolres hadir di aula.</p>",
        contributing_agency=newsroom.agency_a,
        author=newsroom.contributor_a,
    )
    article.tags.set(["pilkada 2024"])
    return article


def test_word_diff_marks_words_not_lines():
    parts = word_diff("Kapolres hadir di aula", "Kapolres Kobar hadir di aula")
    assert "".join(t for op, t in parts if op != "delete") == (
        "Kapolres Kobar hadir di aula"
    )
    assert [t.strip() for op, t in parts if op == "insert"] == ["Kobar"]
    assert not [t for op, t in parts if op == "delete"]


def test_every_admin_save_records_a_revision(client, newsroom, story):
    client.force_login(newsroom.contributor_a)
    url = reverse("admin:articles_article_change", args=[story.pk])
    client.post(url, form_data(client, story, title="Rakor Pilkada 2024"))
    client.post(url, form_data(client, story, title="Rakor Pilkada Serentak 2024"))
    titles = [r.content["title"] for r in story.revisions.order_by("pk")]
    assert titles == ["Rakor Pilkada 2024", "Rakor Pilkada Serentak 2024"]
    assert story.revisions.first().author == newsroom.contributor_a


def test_snapshot_covers_tags_people_agencies_and_photos(newsroom, story):
    revision = revision_record(article=story, by=newsroom.editor)
    content = revision.content
    assert content["tags"] == ["pilkada 2024"]
    assert content["category"]["name"] == story.category.name
    assert content["photos"][0]["role"] == "featured"
    assert content["photos"][0]["caption"].startswith("Pj. Bupati")


def test_compare_page_shows_changed_words_tags_and_photos_escaped(
    client, newsroom, story
):
    old = revision_record(article=story, by=newsroom.contributor_a)
    story.title = "Rakor <script>alert(1)</script> Pilkada"
    story.body = "<p>Kapolres Kobar hadir di aula.</p>"
    story.save()
    story.tags.set(["pilkada 2024", "keamanan"])
    story.photos.all().delete()
    new = revision_record(article=story, by=newsroom.contributor_a)
    client.force_login(newsroom.editor)
    page = client.get(
        reverse("admin:articles_article_compare", args=[story.pk]),
        {"a": old.pk, "b": new.pk},
    ).content.decode()
    assert "<ins> Kobar</ins>" in page
    assert re.search(r"<ins>\s*&lt;script&gt;alert\(1\)&lt;/script&gt;\s*</ins>", page)
    assert "<script>alert(1)" not in page
    assert "+ keamanan" in page
    assert "foto dihapus" in page


def test_since_last_submission_compares_the_two_submissions(client, newsroom, story):
    client.force_login(newsroom.contributor_a)
    url = reverse("admin:articles_article_change", args=[story.pk])
    client.post(url, form_data(client, story, title="Rakor Pilkada"))
    workflow.article_submit(article=story, by=newsroom.contributor_a)
    workflow.article_request_changes(
        article=story, by=newsroom.editor, comment="Lengkapi nama."
    )
    client.post(url, form_data(client, story, title="Rakor Pilkada Serentak"))
    workflow.article_submit(article=story, by=newsroom.contributor_a)
    client.force_login(newsroom.editor)
    form_page = client.get(url).content.decode()
    assert "Perubahan sejak pengajuan" in form_page
    response = client.get(
        reverse("admin:articles_article_compare", args=[story.pk]), follow=True
    )
    assert "<ins> Serentak</ins>" in response.content.decode()


def test_restoring_a_revision_saves_it_as_a_new_one(client, newsroom, story):
    first = revision_record(article=story, by=newsroom.contributor_a)
    story.title = "Judul yang salah"
    story.save()
    story.tags.set(["salah"])
    revision_record(article=story, by=newsroom.contributor_a)
    client.force_login(newsroom.contributor_a)
    response = client.post(
        reverse("admin:articles_article_restore", args=[story.pk, first.pk])
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.title == "Rakor Pilkada"
    assert list(story.tags.names()) == ["pilkada 2024"]
    assert story.photos.count() == 1
    newest = story.revisions.order_by("-pk").first()
    assert newest.pk > first.pk and "Dipulihkan" in newest.note
    assert ArticleRevision.objects.filter(article=story).count() == 3


def test_history_shows_the_editors_note_to_the_contributor(client, newsroom, story):
    workflow.article_submit(article=story, by=newsroom.contributor_a)
    workflow.article_request_changes(
        article=story, by=newsroom.editor, comment="Foto kedua buram, ganti."
    )
    client.force_login(newsroom.contributor_a)
    history = client.get(reverse("admin:articles_article_history", args=[story.pk]))
    assert "Foto kedua buram, ganti." in history.content.decode()
    form = client.get(reverse("admin:articles_article_change", args=[story.pk]))
    assert "Foto kedua buram, ganti." in form.content.decode()
    assert "Catatan redaktur" in form.content.decode()


def test_contributor_cannot_restore_on_a_story_under_review(client, newsroom, story):
    first = revision_record(article=story, by=newsroom.contributor_a)
    workflow.article_submit(article=story, by=newsroom.contributor_a)
    story.title = "Judul editor"
    story.save()
    client.force_login(newsroom.contributor_a)
    url = reverse("admin:articles_article_restore", args=[story.pk, first.pk])
    assert client.post(url).status_code == 403
    with pytest.raises(WorkflowError):
        revision_restore(revision=first, by=newsroom.contributor_a)
    story.refresh_from_db()
    assert story.title == "Judul editor"


def test_compare_reports_nothing_changed():
    content = {"title": "A", "tags": ["x"], "photos": []}
    assert compare(content, content)["changed"] is False
