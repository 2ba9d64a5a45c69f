"""Fixed pages (articles/models/pages.py, articles/admin/pages.py): the body
sanitized on save, editors only, the four pages every portal carries."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.urls import reverse

from articles.models import Page
from tests.support.factories import PageFactory

pytestmark = pytest.mark.django_db


def _page_data(**overrides):
    data = {
        "title": "Redaksi",
        "slug": "redaksi-baru",
        "body": "<p>Pemimpin redaksi: Budi.</p>",
        "show_in_footer": "on",
        "footer_order": "1",
    }
    data.update(overrides)
    return data


def test_a_script_in_a_page_body_is_removed_on_save():
    page = PageFactory(
        body='<p onclick="curi()">Kontak</p><script>alert(1)</script>'
        '<a href="javascript:alert(1)">klik</a>'
    )
    page.refresh_from_db()
    assert "<script" not in page.body
    assert "alert" not in page.body
    assert "onclick" not in page.body
    assert "Kontak" in page.body


def test_a_page_gets_a_slug_from_its_title():
    assert PageFactory(title="Layanan Informasi").slug == "layanan-informasi"
    assert PageFactory(title="Layanan Informasi").slug == "layanan-informasi-2"


def test_editor_adds_a_page_in_the_admin_and_is_recorded_as_its_editor(
    client, newsroom
):
    client.force_login(newsroom.editor)
    response = client.post(
        reverse("admin:articles_page_add"),
        _page_data(body="<p>Isi</p><script>alert(1)</script>"),
    )
    assert response.status_code == 302
    page = Page.objects.get(slug="redaksi-baru")
    assert page.body == "<p>Isi</p>"
    assert page.updated_by == newsroom.editor


def test_the_page_editor_uses_the_stories_rich_text_widget(client, newsroom):
    client.force_login(newsroom.editor)
    response = client.get(reverse("admin:articles_page_add"))
    widget = response.context["adminform"].form.fields["body"].widget
    assert type(widget).__name__ == "CKEditor5Widget"


def test_contributor_cannot_add_or_edit_a_page_by_crafted_post(client, newsroom):
    page = PageFactory(title="Kontak", body="<p>Telepon redaksi.</p>")
    # Even holding the model's permissions, a contributor is not an editor.
    newsroom.contributor_a.user_permissions.add(
        *Permission.objects.filter(content_type__model="page")
    )
    client.force_login(newsroom.contributor_a)

    assert client.get(reverse("admin:articles_page_changelist")).status_code == 403
    response = client.post(
        reverse("admin:articles_page_change", args=[page.pk]),
        _page_data(title="Dibajak", slug=page.slug, body="<p>Dibajak</p>"),
    )
    assert response.status_code == 403
    response = client.post(reverse("admin:articles_page_add"), _page_data())
    assert response.status_code == 403
    response = client.post(
        reverse("admin:articles_page_delete", args=[page.pk]), {"post": "yes"}
    )
    assert response.status_code == 403

    page.refresh_from_db()
    assert (page.title, page.body) == ("Kontak", "<p>Telepon redaksi.</p>")
    assert not Page.objects.filter(slug="redaksi-baru").exists()


def test_the_data_migration_makes_the_four_pages_a_portal_carries():
    migration = importlib.import_module("articles.migrations.0009_pages")
    Page.objects.all().delete()

    migration.create_pages(apps, None)

    pages = {page.slug: page for page in Page.objects.in_footer()}
    assert list(pages) == ["redaksi", "pedoman-media-siber", "tentang-kami", "kontak"]
    guideline = pages["pedoman-media-siber"].body
    assert "1/Peraturan-DP/III/2012" in guideline
    for reason in ("SARA", "kesusilaan", "masa depan anak", "traumatik korban"):
        assert reason in guideline
    # What the migration writes is what saving would keep.
    for page in pages.values():
        body = page.body
        page.save()
        assert page.body == body
