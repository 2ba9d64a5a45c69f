"""Corrections as readers see them (portal/corrections.py): at the top of the
story, the before/after page, /koreksi/ and its feed, the JSON-LD."""

import json

import feedparser
import pytest
from django.urls import reverse
from lxml import html as lxml_html

from articles import workflow
from articles.corrections import correction_add
from articles.models import ArticleCorrection
from articles.revisions import revision_record
from tests.support.newsroom import bare_photo, ready_story

pytestmark = pytest.mark.django_db
Kind = ArticleCorrection.Kind
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & "kutip"'


@pytest.fixture
def story(newsroom):
    """Published with "hadir di aula" after a draft readers never saw, then
    corrected to "hadir di pendopo"."""
    article = ready_story(
        photo=bare_photo(),
        title="Rakor Pilkada",
        body="<p>Draf rahasia: Kapolres tidak hadir.</p>",
        author=newsroom.contributor_a,
        contributing_agency=newsroom.agency_a,
    )
    revision_record(article=article, by=newsroom.contributor_a)
    article.body = "<p>Kapolres hadir di aula.</p>"
    article.save()
    revision_record(article=article, by=newsroom.contributor_a)
    workflow.article_submit(article=article, by=newsroom.contributor_a)
    workflow.article_publish(article=article, by=newsroom.editor)
    article.refresh_from_db()
    article.body = "<p>Kapolres hadir di pendopo.</p>"
    article.save()
    revision_record(article=article, by=newsroom.editor)
    return article


@pytest.fixture
def ralat(story, newsroom):
    return correction_add(
        article=story,
        by=newsroom.editor,
        kind=Kind.RALAT,
        summary="Tempat rapat diperbaiki: pendopo, bukan aula.",
        reason="Salah tulis tempat.",
    )


def _doc(response):
    assert response.status_code == 200
    return lxml_html.fromstring(response.content)


def test_story_page_shows_its_corrections_at_the_top(client, story, ralat):
    doc = _doc(client.get(story.get_absolute_url()))
    box = doc.xpath('//article//aside[@id="koreksi"]')[0]
    assert "Berita ini telah dikoreksi pada" in box.text_content()
    assert "Ralat" in box.text_content()
    assert "pendopo, bukan aula" in box.text_content()
    link = box.xpath(".//a/@href")
    assert reverse("portal:story-changes", args=[ralat.pk]) in link
    # at the top: before the body
    assert doc.xpath('//article/*[1][@id="koreksi"]')


def test_before_and_after_is_what_readers_saw_never_the_draft(client, ralat):
    page = client.get(reverse("portal:story-changes", args=[ralat.pk]))
    text = page.content.decode()
    assert "<del>aula.</del>" in text
    assert "<ins>pendopo.</ins>" in text
    assert "Draf rahasia" not in text


def test_comparison_of_a_story_readers_cannot_see_is_404(client, story, ralat):
    workflow.article_unpublish(
        article=story, by=ralat.created_by, reason="Keputusan Dewan Pers."
    )
    assert (
        client.get(reverse("portal:story-changes", args=[ralat.pk])).status_code == 404
    )
    assert client.get("/koreksi/").content.decode().count("Tempat rapat") == 0


def test_koreksi_page_lists_corrections_newest_first(client, story, ralat, newsroom):
    update = correction_add(
        article=story, by=newsroom.editor, kind=Kind.PEMBARUAN, summary="Baru."
    )
    doc = _doc(client.get("/koreksi/"))
    ids = doc.xpath('//ul[@class="notices"]/li/@id')
    assert ids == [f"koreksi-{update.pk}", f"koreksi-{ralat.pk}"]
    assert story.get_absolute_url() in doc.xpath('//ul[@class="notices"]//a/@href')


def test_koreksi_page_is_paginated(client, story, newsroom):
    for i in range(21):
        correction_add(
            article=story, by=newsroom.editor, kind=Kind.RALAT, summary=f"Ralat {i}."
        )
    first = _doc(client.get("/koreksi/"))
    second = _doc(client.get("/koreksi/?page=2"))
    assert len(first.xpath('//ul[@class="notices"]/li')) == 20
    assert len(second.xpath('//ul[@class="notices"]/li')) == 1
    assert "Ralat 0." in second.text_content()


def test_koreksi_feed_carries_the_correction(client, story, ralat):
    response = client.get("/koreksi/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert feed.entries[0].title == "Ralat: Rakor Pilkada"
    assert "pendopo, bukan aula" in feed.entries[0].description
    assert feed.entries[0].link.endswith(
        f"{story.get_absolute_url()}#koreksi-{ralat.pk}"
    )


def test_story_json_ld_carries_the_correction(client, story, ralat):
    doc = _doc(client.get(story.get_absolute_url()))
    news = json.loads(doc.xpath('//script[@type="application/ld+json"]')[0].text)[0]
    (correction,) = news["correction"]
    assert correction["@type"] == "CorrectionComment"
    assert "pendopo, bukan aula" in correction["text"]
    assert correction["datePublished"].startswith(f"{ralat.created_at:%Y-%m-%d}")


def test_hostile_hak_jawab_is_shown_escaped_everywhere(client, story, newsroom):
    correction_add(
        article=story,
        by=newsroom.editor,
        kind=Kind.HAK_JAWAB,
        summary=HOSTILE,
        sender_name=HOSTILE,
        reply_text=HOSTILE,
    )
    for path in (story.get_absolute_url(), "/koreksi/"):
        text = client.get(path).content.decode()
        assert "<script>alert" not in text
        assert "<img src=x" not in text
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text
    # Escaped once for HTML, once for XML: readers show it as text.
    feed = client.get("/koreksi/feed/").content.decode()
    assert "&amp;lt;img src=x onerror=alert(1)&amp;gt;" in feed


def test_a_superseded_correction_leaves_the_public_pages(
    client, story, ralat, newsroom
):
    correction_add(
        article=story,
        by=newsroom.editor,
        kind=Kind.RALAT,
        summary="Tempat rapat: pendopo kabupaten.",
        supersedes=ralat,
    )
    for path in (story.get_absolute_url(), "/koreksi/"):
        text = _doc(client.get(path)).text_content()
        assert "pendopo kabupaten" in text
        assert "pendopo, bukan aula" not in text
        assert "memperbarui keterangan" in text


def test_story_page_cache_is_refreshed_by_a_new_correction(
    client, story, newsroom, django_capture_on_commit_callbacks
):
    assert "dikoreksi" not in client.get(story.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        correction_add(
            article=story, by=newsroom.editor, kind=Kind.KOREKSI, summary="K."
        )
    assert "dikoreksi" in client.get(story.get_absolute_url()).content.decode()


def test_comparison_never_names_a_related_story_readers_cannot_see(
    client, story, newsroom
):
    draft = ready_story(photo=bare_photo(), title="Draf rahasia terkait")
    story.related.add(draft)
    story.body = "<p>Kapolres hadir di pendopo kabupaten.</p>"
    story.save()
    revision_record(article=story, by=newsroom.editor)
    ralat = correction_add(
        article=story, by=newsroom.editor, kind=Kind.RALAT, summary="Tempat."
    )
    text = client.get(reverse("portal:story-changes", args=[ralat.pk])).content
    assert b"kabupaten" in text
    assert b"Draf rahasia terkait" not in text
