"""A story its viewer may not change (a contributor's story under review or
published) reads as readers will see it (articles/admin/history.py
``story_as_read``, templates/admin/articles/article/_story_read.html)."""

import re
from html import unescape

import pytest
from django.urls import reverse

from articles import workflow
from articles.models import Article, PhotoSubject
from tests.support.admin_forms import change_url
from tests.support.factories import OfficialFactory
from tests.support.newsroom import agency_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(newsroom):
    story = agency_story(newsroom)
    photo = story.photos.get().photo
    photo.credit = "Foto: Humas Kesbangpol"
    photo.save()
    PhotoSubject.objects.create(
        photo=photo, official=OfficialFactory(name="Budi Santosa"), place="tengah"
    )
    workflow.article_submit(article=story, by=newsroom.contributor_a)
    return story


def visible_text(html):
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def read_view(client, user, story):
    client.force_login(user)
    response = client.get(change_url(story))
    assert response.status_code == 200
    page = response.content.decode()
    return page[page.index('id="story-read"') :]


def test_contributor_reads_a_submitted_story_rendered_not_as_raw_html(
    client, newsroom, submitted
):
    page = read_view(client, newsroom.contributor_a, submitted)
    assert "<p>Kapolres hadir di aula.</p>" in page
    assert "&lt;p&gt;" not in page
    text = visible_text(page)
    assert "Pj. Bupati Kobar (tengah) memberi arahan." in text  # the caption
    assert "Foto: Humas Kesbangpol" in text
    assert "Pejabat di meja rapat." in text  # alt text, shown to check it
    assert "Budi Santosa (tengah)" in text
    for english in ("None", "Upload", "Alt text", "Caption", "Role", "Order"):
        assert not re.search(rf"\b{english}\b", text), english


def test_read_view_keeps_state_history_link_and_withdraw_button(
    client, newsroom, submitted
):
    client.force_login(newsroom.contributor_a)
    page = client.get(change_url(submitted)).content.decode()
    assert "Menunggu review" in page[page.index('id="workflow-status"') :]
    assert reverse("admin:articles_article_history", args=[submitted.pk]) in page
    assert 'value="withdraw"' in page
    # The raw form and the photo table are not drawn for a view-only story.
    assert 'id="photos-group"' not in page
    assert 'class="readonly"' not in page


def test_read_view_sanitizes_a_body_written_around_save(client, newsroom, submitted):
    Article.objects.filter(pk=submitted.pk).update(
        body='<p>Aman</p><script>alert(1)</script><img src=x onerror="alert(2)">'
    )
    page = read_view(client, newsroom.contributor_a, submitted)
    assert "<p>Aman</p>" in page
    assert "<script>alert(1)" not in page and "onerror" not in page


def test_read_view_prints_a_hostile_caption_and_alt_text_as_text(
    client, newsroom, submitted
):
    # The story text is the public site's Jinja2 template, its output marked
    # safe in the admin (articles/templatetags/story_admin.py ``story_text``):
    # what the writer typed must arrive escaped.
    featured = submitted.photos.get()
    featured.caption = 'Rakor <script>alert("keterangan")</script>'
    featured.save()
    featured.photo.alt_text = '<img src=x onerror="alert(3)">'
    featured.photo.save()
    page = read_view(client, newsroom.contributor_a, submitted)
    assert "<script>alert(" not in page and "<img src=x" not in page
    text = unescape(visible_text(page))
    assert 'Rakor <script>alert("keterangan")</script>' in text
    assert '<img src=x onerror="alert(3)">' in text


def test_editor_still_gets_the_form(client, newsroom, submitted):
    client.force_login(newsroom.editor)
    page = client.get(change_url(submitted)).content.decode()
    assert 'id="story-read"' not in page
    assert 'name="title"' in page


def test_withdraw_from_the_read_view_returns_the_story_to_draft(
    client, newsroom, submitted
):
    client.force_login(newsroom.contributor_a)
    response = client.post(change_url(submitted), {"_transition": "withdraw"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Article.Status.DRAFT
    page = client.get(change_url(submitted)).content.decode()
    assert 'id="story-read"' not in page and 'name="title"' in page
