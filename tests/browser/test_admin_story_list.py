"""The admin's story list in a real browser when its count stopped at its cap
(articles/admin/story_list.py): the page's checkboxes still select, the counter
counts them, and no "select all N" is offered."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from articles.admin.story import ArticleAdmin
from articles.admin.story_list import CappedPaginator
from tests.browser.conftest import admin_login
from tests.support.factories import ArticleFactory, UserFactory
from tests.support.newsroom import ensure_roles

pytestmark = pytest.mark.django_db(transaction=True)


def test_selecting_a_page_of_a_capped_list(page, live_server, settings, monkeypatch):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    monkeypatch.setattr(CappedPaginator, "cap", 2)
    monkeypatch.setattr(ArticleAdmin, "list_per_page", 2)
    ensure_roles()
    editor = UserFactory(username="redaktur", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redaktur"))
    for n in range(3):
        ArticleFactory(title=f"Berita daftar {n}")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    admin_login(page, live_server, "redaktur", "rahasia-warta-123")
    page.goto(f"{live_server.url}/admin/articles/article/")
    expect(page.locator("p.paginator")).to_contain_text("lebih dari 2 berita")
    page.check("#action-toggle")
    expect(page.locator(".action-counter")).to_have_text("2 dari 2 terpilih")
    expect(page.locator(".actions .question")).to_have_count(0)
    assert errors == []
