"""Fixed pages on the public site (portal/pages.py): shown sanitized, in the
footer of every page and in the sitemap, cached and refreshed on save."""

import pytest
from django.urls import reverse

from articles.models import Page
from tests.support.factories import PageFactory

pytestmark = pytest.mark.django_db


def test_a_page_is_shown_at_its_address(client):
    page = PageFactory(title="Redaksi Uji", body="<h2>Pemimpin redaksi</h2><p>Budi</p>")
    response = client.get(f"/halaman/{page.slug}/")
    assert response.status_code == 200
    assert reverse("portal:page", args=[page.slug]) == f"/halaman/{page.slug}/"
    html = response.content.decode()
    assert "<h1>Redaksi Uji</h1>" in html
    assert "<h2>Pemimpin redaksi</h2><p>Budi</p>" in html


def test_a_page_body_written_around_save_is_still_sanitized_when_shown(client):
    page = PageFactory(title="Kontak Uji")
    Page.objects.filter(pk=page.pk).update(
        body="<p>Hubungi</p><script>alert(1)</script>"
    )
    html = client.get(page.get_absolute_url()).content.decode()
    assert "<p>Hubungi</p>" in html
    assert "alert(1)" not in html


def test_an_unknown_page_is_404(client):
    assert client.get("/halaman/tidak-ada/").status_code == 404


def test_the_footer_lists_the_footer_pages_in_order(client):
    PageFactory(title="Kontak Uji", footer_order=20)
    PageFactory(title="Redaksi Uji", footer_order=10)
    PageFactory(title="Halaman Tersembunyi", show_in_footer=False)
    footer = client.get("/").content.decode().split('class="site-footer"')[1]
    assert footer.index("Redaksi Uji") < footer.index("Kontak Uji")
    assert 'href="/halaman/redaksi-uji/"' in footer
    assert "Halaman Tersembunyi" not in footer
    for listing in ("/kategori/", "/instansi/", "/pejabat/"):
        assert f'href="{listing}"' in footer


def test_the_sitemap_lists_the_pages(client):
    page = PageFactory(title="Redaksi Uji")
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-halaman.xml" in index
    text = client.get("/sitemap-halaman.xml").content.decode()
    assert page.get_absolute_url() in text


def test_a_page_is_cached_and_refreshed_when_an_editor_saves_it(
    client, django_capture_on_commit_callbacks
):
    page = PageFactory(title="Tentang Uji", body="<p>Versi lama.</p>")
    assert client.get(page.get_absolute_url())["X-Warta-Cache"] == "miss"
    assert client.get(page.get_absolute_url())["X-Warta-Cache"] == "hit"

    page.body = "<p>Versi baru.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        page.save()

    response = client.get(page.get_absolute_url())
    assert response["X-Warta-Cache"] == "miss"
    assert "Versi baru." in response.content.decode()


def test_renaming_a_page_refreshes_the_footer_of_cached_pages(
    client, django_capture_on_commit_callbacks
):
    page = PageFactory(title="Kontak Uji")
    assert "Kontak Uji" in client.get("/").content.decode()
    page.title = "Hubungi Kami"
    with django_capture_on_commit_callbacks(execute=True):
        page.save()
    assert "Hubungi Kami" in client.get("/").content.decode()
