"""The story's history pages in the admin (articles/admin/history.py): the
history with every note, comparing revisions, restoring one, the preview link."""

import re

import pytest
from django.urls import reverse

from articles import workflow
from articles.models import ArticleRevision
from articles.revisions import revision_record
from tests.support.admin_forms import form_data
from tests.support.newsroom import agency_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(newsroom):
    return agency_story(newsroom)


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


def test_since_review_compares_with_the_content_the_editor_sent_back(
    client, newsroom, story
):
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
    assert "Perubahan sejak review terakhir" in form_page
    response = client.get(
        reverse("admin:articles_article_compare", args=[story.pk]), follow=True
    )
    assert "<ins> Serentak</ins>" in response.content.decode()


def test_never_reviewed_story_compares_its_two_submissions(client, newsroom, story):
    client.force_login(newsroom.contributor_a)
    url = reverse("admin:articles_article_change", args=[story.pk])
    workflow.article_submit(article=story, by=newsroom.contributor_a)
    workflow.article_withdraw(article=story, by=newsroom.contributor_a)
    client.post(url, form_data(client, story, title="Rakor Pilkada Serentak"))
    workflow.article_submit(article=story, by=newsroom.contributor_a)
    client.force_login(newsroom.editor)
    assert "Perubahan sejak pengajuan" in client.get(url).content.decode()
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
    story.refresh_from_db()
    assert story.title == "Judul editor"


def test_compare_without_two_revisions_sends_back_to_the_history(
    client, newsroom, story
):
    client.force_login(newsroom.editor)
    response = client.get(
        reverse("admin:articles_article_compare", args=[story.pk]), follow=True
    )
    assert response.redirect_chain[-1][0] == reverse(
        "admin:articles_article_history", args=[story.pk]
    )
    assert "Belum ada dua revisi untuk dibandingkan." in response.content.decode()


def test_preview_link_page_gives_an_editor_a_full_signed_address(
    client, newsroom, story
):
    client.force_login(newsroom.editor)
    response = client.post(
        reverse("admin:articles_article_preview_link", args=[story.pk]),
        {"action": "create"},
    )
    assert response.status_code == 200
    assert response.context["title"] == "Tautan pratinjau: Rakor Pilkada"
    link = response.context["link"]
    assert link.startswith("http://testserver/")
    assert link in response.content.decode()


def test_preview_link_page_is_for_editors_only(client, newsroom, story):
    client.force_login(newsroom.contributor_a)
    url = reverse("admin:articles_article_preview_link", args=[story.pk])
    assert client.get(url).status_code == 403
