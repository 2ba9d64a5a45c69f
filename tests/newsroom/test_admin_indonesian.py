"""No English on any admin page a contributor or an editor reaches.

Each of them walks the admin from its front page, following every link to
another admin page (changelists with their filters, add and change forms,
history, compare, the review queue, the photo library, password change, the
two-factor pages), with the locale Indonesian; the visible text of every page
is checked against Django admin's stock English strings
(tests/support/english.py)."""

import re
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles import workflow
from articles.models import PhotoSubject
from articles.revisions import revision_record
from tests.support.admin_forms import story_in
from tests.support.english import english_in, visible_text
from tests.support.factories import OfficialFactory, PositionFactory
from tests.support.newsroom import agency_story
from tests.support.photos import PhotoFactory

pytestmark = pytest.mark.django_db

MAX_PAGES = 400
# Pages of one shape worth reading (the same page for another object, or with
# other filters, sorting or paging, repeats the same words).
PER_SHAPE = 3
VARIANTS_PER_SHAPE = 4
# Addresses that are not admin pages to read: JSON, scripts, files, the
# public site behind "view on site", logging out.
NOT_PAGES = ("/admin/jsi18n/", "/admin/autocomplete/", "/admin/r/", "/admin/logout/")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def admin_links(page_url, html):
    parser = _Links()
    parser.feed(html)
    for href in parser.links:
        url = urljoin(page_url, href)
        parts = urlsplit(url)
        if parts.netloc not in ("", "testserver"):
            continue
        path = parts.path
        if not path.startswith("/admin/") or path.startswith(NOT_PAGES):
            continue
        yield path + (f"?{parts.query}" if parts.query else "")


def walk(client, start="/admin/"):
    """Every admin page reachable from ``start`` by links: {url: html}."""
    seen, pages, queue = set(), {}, [start]
    per_shape = Counter()
    while queue and len(pages) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        path, _, query = url.partition("?")
        shape = (re.sub(r"/[0-9]+/", "/N/", path), bool(query))
        per_shape[shape] += 1
        if per_shape[shape] > (VARIANTS_PER_SHAPE if query else PER_SHAPE):
            continue
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="id")
        if response.status_code != 200 or "html" not in response.get(
            "Content-Type", ""
        ):
            continue
        html = response.content.decode()
        pages[url] = html
        queue.extend(link for link in admin_links(url, html) if link not in seen)
    return pages


@pytest.fixture
def newsroom_at_work(newsroom):
    """Stories in every state, with photos, people, revisions and notes."""
    draft = agency_story(newsroom)
    photo = PhotoFactory(uploaded_by=newsroom.contributor_a, credit="Foto: Humas")
    official = OfficialFactory(name="Budi Santosa")
    PositionFactory(official=official, agency=newsroom.agency_a)
    PhotoSubject.objects.create(photo=photo, official=official, place="tengah")
    draft.photos.create(photo=photo, role="gallery", order=1)
    revision_record(article=draft, by=newsroom.contributor_a)
    sent_back = story_in(newsroom, "in_review", title="Rakor dikembalikan")
    workflow.article_request_changes(
        article=sent_back, by=newsroom.editor, comment="Lengkapi nama."
    )
    sent_back.title = "Rakor dikembalikan, sudah dilengkapi"
    sent_back.save()
    workflow.article_submit(article=sent_back, by=newsroom.contributor_a)
    story_in(newsroom, "in_review", title="Menunggu review")
    story_in(newsroom, "published", title="Sudah terbit")
    return newsroom


def shapes(pages):
    return {re.sub(r"/[0-9]+/", "/N/", url.split("?")[0]) for url in pages}


def assert_no_english(pages):
    """Each English string found, once, with the first page showing it."""
    found = {}
    for url, html in sorted(pages.items()):
        for hit in english_in(visible_text(html)):
            found.setdefault(hit, url)
    assert not found, "\n".join(f"{hit} ({url})" for hit, url in found.items())


def test_every_admin_page_a_contributor_reaches_is_indonesian(client, newsroom_at_work):
    client.force_login(newsroom_at_work.contributor_a)
    pages = walk(client)
    assert len(pages) < MAX_PAGES  # the walk ended by itself: every page read
    # The walk reached the pages that matter, not just the front page.
    for must in (
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_add"),
        reverse("admin:media_library_photo_changelist"),
        reverse("admin:password_change"),
        reverse("twofactor_setup"),
    ):
        assert must in pages, must
    assert {
        "/admin/articles/article/N/history/",
        "/admin/articles/article/N/bandingkan/",
        "/admin/articles/article/N/delete/",
        "/admin/media_library/photo/N/change/",
        "/admin/media_library/photo/add/",
    } <= shapes(pages)
    assert_no_english(pages)


def test_every_admin_page_an_editor_reaches_is_indonesian(client, newsroom_at_work):
    client.force_login(newsroom_at_work.editor)
    pages = walk(client)
    assert len(pages) < MAX_PAGES
    for must in (
        reverse("admin:articles_articleinreview_changelist"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:media_library_photo_changelist"),
        reverse("admin:password_change"),
    ):
        assert must in pages, must
    assert {
        "/admin/articles/article/N/history/",
        "/admin/articles/article/N/bandingkan/",
        "/admin/articles/article/N/tautan-pratinjau/",
        "/admin/articles/article/N/koreksi/",
        "/admin/articles/replyrequest/",
        "/admin/articles/page/add/",
        "/admin/media_library/photo/N/change/",
    } <= shapes(pages)
    assert_no_english(pages)


def test_the_second_factor_page_is_indonesian(client, newsroom):
    TOTPDevice.objects.create(user=newsroom.editor, name="Aplikasi", confirmed=True)
    client.force_login(newsroom.editor)
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("twofactor_verify"))
    assert_no_english({"verify": response.content.decode()})


def test_the_login_page_is_indonesian(client, db):
    response = client.get(reverse("admin:login"))
    assert_no_english({"login": response.content.decode()})
