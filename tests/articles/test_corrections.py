"""Correction entries on published stories (articles/corrections.py and the
admin's correction page, articles/admin/corrections.py)."""

import pytest
from django.urls import reverse

from articles import workflow
from articles.corrections import correction_add
from articles.errors import WorkflowError
from articles.models import ArticleCorrection
from tests.support.admin_forms import form_data
from tests.support.newsroom import bare_photo, ready_story

pytestmark = pytest.mark.django_db

Kind = ArticleCorrection.Kind


@pytest.fixture
def story(client, newsroom):
    """Drafted with a wording readers never saw, then published."""
    article = ready_story(
        photo=bare_photo(),
        title="Rakor Pilkada",
        body="<p>Draf: Kapolres tidak hadir.</p>",
        contributing_agency=newsroom.agency_a,
        author=newsroom.contributor_a,
    )
    client.force_login(newsroom.contributor_a)
    url = reverse("admin:articles_article_change", args=[article.pk])
    client.post(url, form_data(client, article))
    client.post(url, form_data(client, article, body="<p>Kapolres hadir di aula.</p>"))
    workflow.article_submit(article=article, by=newsroom.contributor_a)
    workflow.article_publish(article=article, by=newsroom.editor)
    client.logout()
    article.refresh_from_db()
    return article


def edit_as(client, user, article, **changes):
    client.force_login(user)
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.post(url, form_data(client, article, **changes))
    assert response.status_code == 302
    article.refresh_from_db()


def corrections_url(article):
    return reverse("admin:articles_article_corrections", args=[article.pk])


def test_correction_pairs_the_published_text_with_the_corrected_one(
    client, newsroom, story
):
    edit_as(client, newsroom.editor, story, body="<p>Kapolres Kobar hadir.</p>")
    correction = correction_add(
        article=story, by=newsroom.editor, kind=Kind.RALAT, summary="Nama jabatan."
    )
    assert "Kapolres hadir di aula." in correction.revision_before.content["body"]
    assert "Kapolres Kobar hadir." in correction.revision_after.content["body"]
    assert "Draf" not in correction.revision_before.content["body"]


def test_second_correction_starts_from_what_the_first_left_readers(
    client, newsroom, story
):
    edit_as(client, newsroom.editor, story, body="<p>Kapolres Kobar hadir.</p>")
    first = correction_add(
        article=story, by=newsroom.editor, kind=Kind.RALAT, summary="Satu."
    )
    edit_as(client, newsroom.editor, story, body="<p>Kapolres Kobar hadir pagi.</p>")
    second = correction_add(
        article=story, by=newsroom.editor, kind=Kind.PEMBARUAN, summary="Dua."
    )
    assert second.revision_before == first.revision_after
    assert second.has_changes


def test_reply_without_an_edit_has_nothing_to_compare(newsroom, story):
    reply = correction_add(
        article=story,
        by=newsroom.editor,
        kind=Kind.HAK_JAWAB,
        summary="Hak jawab Kepala Desa.",
        sender_name="Kepala Desa Sungai Bedaun",
        reply_text="  Kami tidak pernah\nmenolak.  ",
    )
    assert not reply.has_changes
    assert reply.reply_text == "  Kami tidak pernah\nmenolak.  "


def test_hak_jawab_needs_its_sender_and_text(newsroom, story):
    with pytest.raises(WorkflowError):
        correction_add(
            article=story, by=newsroom.editor, kind=Kind.HAK_JAWAB, summary="Hak."
        )


def test_no_correction_on_a_story_readers_cannot_see(newsroom):
    draft = ready_story(photo=bare_photo(), author=newsroom.contributor_a)
    with pytest.raises(WorkflowError):
        correction_add(
            article=draft, by=newsroom.editor, kind=Kind.RALAT, summary="Salah."
        )


def test_editor_adds_a_correction_on_the_admin_page(client, newsroom, story):
    client.force_login(newsroom.editor)
    response = client.post(
        corrections_url(story),
        {"kind": Kind.KOREKSI, "summary": "Tanggal kegiatan diperbaiki."},
    )
    assert response.status_code == 302
    assert story.corrections.get().created_by == newsroom.editor
    change_page = client.get(
        reverse("admin:articles_article_change", args=[story.pk])
    ).content.decode()
    assert corrections_url(story) in change_page


def test_contributor_cannot_add_a_correction_by_crafted_post(client, newsroom, story):
    client.force_login(newsroom.contributor_a)
    response = client.post(
        corrections_url(story), {"kind": Kind.RALAT, "summary": "Palsu."}
    )
    assert response.status_code == 403
    assert not ArticleCorrection.objects.exists()
    with pytest.raises(WorkflowError):
        correction_add(
            article=story, by=newsroom.contributor_a, kind=Kind.RALAT, summary="X"
        )


def test_hak_jawab_without_a_sender_is_refused_with_a_message(client, newsroom, story):
    client.force_login(newsroom.editor)
    response = client.post(
        corrections_url(story),
        {"kind": Kind.HAK_JAWAB, "summary": "Hak jawab.", "reply_text": "Isi."},
    )
    assert response.status_code == 200
    assert "Hak jawab harus memuat nama pengirim." in response.content.decode()
    assert not ArticleCorrection.objects.exists()


def test_amending_a_correction_keeps_the_old_one_in_the_history(
    client, newsroom, story
):
    old = correction_add(
        article=story, by=newsroom.editor, kind=Kind.RALAT, summary="Tulisan lama."
    )
    client.force_login(newsroom.editor)
    client.post(
        corrections_url(story),
        {"kind": Kind.RALAT, "summary": "Tulisan baru.", "supersedes": old.pk},
    )
    new = story.corrections.get(supersedes=old)
    with pytest.raises(WorkflowError):
        correction_add(
            article=story,
            by=newsroom.editor,
            kind=Kind.RALAT,
            summary="Lagi.",
            supersedes=old,
        )
    history = client.get(
        reverse("admin:articles_article_history", args=[story.pk])
    ).content.decode()
    assert "Tulisan lama." in history
    assert "Tulisan baru." in history
    assert "sudah diganti" in history
    assert new.summary == "Tulisan baru."


def test_history_shows_the_correction_to_the_story_contributor(client, newsroom, story):
    correction_add(
        article=story,
        by=newsroom.editor,
        kind=Kind.HAK_JAWAB,
        summary="Hak jawab Kepala Desa.",
        sender_name="Kepala Desa",
        reply_text="<b>Kami</b> keberatan.",
    )
    client.force_login(newsroom.contributor_a)
    history = client.get(
        reverse("admin:articles_article_history", args=[story.pk])
    ).content.decode()
    assert "Hak Jawab" in history
    assert "&lt;b&gt;Kami&lt;/b&gt; keberatan." in history
