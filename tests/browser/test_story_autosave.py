"""Autosave in a real browser: text typed into a draft survives closing the
page without saving, and an expired session, and is offered back on opening
the story again."""

import re

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from articles.models import Article, ArticleRevision
from articles.revisions import latest_revision_id
from tests.browser.conftest import admin_login, leave
from tests.support.newsroom import Newsroom, agency_story

pytestmark = pytest.mark.django_db(transaction=True)

TYPED_TITLE = "Rakor Pilkada: Pj Bupati minta semua pihak bersinergi"
TYPED_PARAGRAPH = "Kapolres meminta TNI dan Polri menjaga setiap tahapan Pilkada."
AFTER_EXPIRY = "Kalimat ini diketik setelah sesi berakhir."


@pytest.fixture
def draft():
    newsroom = Newsroom()
    return newsroom, agency_story(newsroom)


def open_story(page, live_server, story):
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
    expect(page.locator(".ck-editor__editable")).to_be_visible()


def type_into_body(page, text):
    editor = page.locator(".ck-editor__editable")
    editor.click()
    expect(editor).to_be_focused()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.insert_text(text)


def autosaved(page, text):
    """Wait for the autosave that carries ``text`` to be answered (a tick may
    have sent part of what was typed before)."""

    def carries(response):
        request = response.request
        return "/meja/simpan-otomatis/" in request.url and text in (
            request.post_data or ""
        )

    return page.expect_response(carries)


def type_until_autosaved(browser, live_server, story, viewport):
    """Log in as the story's writer on a screen of ``viewport`` (width,
    height), type a title and a paragraph, and wait for the autosave that
    carries them. Returns the browser context and its page."""
    width, height = viewport
    context = browser.new_context(
        locale="id-ID", viewport={"width": width, "height": height}
    )
    page = context.new_page()
    admin_login(page, live_server, "humas.a", "rahasia-warta-123")
    open_story(page, live_server, story)
    with autosaved(page, TYPED_PARAGRAPH):
        page.fill("#id_title", TYPED_TITLE)
        type_into_body(page, TYPED_PARAGRAPH)
    expect(page.locator("#desk-autosave-status")).to_contain_text(
        "Draf tersimpan otomatis"
    )
    return context, page


def test_autosaved_text_is_offered_back_after_closing_without_saving(
    browser, live_server, draft, artifacts
):
    newsroom, story = draft
    token = latest_revision_id(story)
    context, page = type_until_autosaved(browser, live_server, story, (1280, 900))
    autosave = ArticleRevision.autosaves.get(article=story)
    assert autosave.content["title"] == TYPED_TITLE
    assert TYPED_PARAGRAPH in autosave.content["body"]
    story.refresh_from_db()
    assert story.title == "Rakor Pilkada"
    assert story.status == Article.Status.DRAFT
    assert latest_revision_id(story) == token
    page.close()  # no save

    page = context.new_page()
    open_story(page, live_server, story)
    expect(page.locator("#id_title")).to_have_value("Rakor Pilkada")
    expect(page.locator("#desk-restore")).to_be_visible()
    page.screenshot(path=artifacts / "desk-autosave-offer.png", full_page=True)
    page.click("#desk-restore-yes")
    expect(page.locator("#id_title")).to_have_value(TYPED_TITLE)
    expect(page.locator(".ck-editor__editable")).to_contain_text(TYPED_PARAGRAPH)
    with page.expect_event("load"):
        page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success").first).to_be_visible()
    story.refresh_from_db()
    assert story.title == TYPED_TITLE
    assert TYPED_PARAGRAPH in story.body
    assert not ArticleRevision.autosaves.filter(article=story).exists()
    expect(page.locator("#desk-restore")).to_be_hidden()
    leave(page)
    context.close()


def test_nothing_typed_is_lost_when_the_session_expires(
    browser, live_server, draft, artifacts
):
    newsroom, story = draft
    context, page = type_until_autosaved(browser, live_server, story, (390, 844))

    Session.objects.all().delete()  # the session expires while the writer types
    type_into_body(page, AFTER_EXPIRY)
    expect(page.locator("#desk-autosave-status")).to_contain_text("Sesi Anda berakhir")
    page.screenshot(path=artifacts / "desk-session-expired.png", full_page=True)

    page.click("#desk-login")
    page.fill("#id_username", "humas.a")
    page.fill("#id_password", "rahasia-warta-123")
    with page.expect_event("load"):
        page.click("input[type=submit]")
    expect(page).to_have_url(re.compile(rf"/article/{story.pk}/change/"))
    expect(page.locator("#desk-restore")).to_be_visible()
    page.click("#desk-restore-yes")
    expect(page.locator("#id_title")).to_have_value(TYPED_TITLE)
    body = page.locator(".ck-editor__editable")
    expect(body).to_contain_text(TYPED_PARAGRAPH)
    expect(body).to_contain_text(AFTER_EXPIRY)
    with page.expect_event("load"):
        page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success").first).to_be_visible()
    story.refresh_from_db()
    assert story.title == TYPED_TITLE
    assert AFTER_EXPIRY in story.body
    leave(page)
    context.close()
