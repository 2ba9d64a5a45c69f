"""Sitemaps validate against the sitemaps.org schemas (portal/sitemaps.py)."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

from portal.sitemaps import ArticleSitemap
from tests.support.factories import AgencyFactory, ArticleFactory, OfficialFactory

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).parent / "schemas"
NASTY_TITLE = 'Rakor & <Pilkada> ]]> "kutip" 🎉 kontrol\x01\x0b\x1f akhir'


def _schema(*files):
    """One schema importing the given XSD files (sitemap plus extensions)."""
    imports = ""
    for name in files:
        namespace = etree.parse(str(SCHEMAS / name)).getroot().get("targetNamespace")
        location = (SCHEMAS / name).as_uri()
        imports += f'<xsd:import namespace="{namespace}" schemaLocation="{location}"/>'
    wrapper = (
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
        f"{imports}</xsd:schema>"
    )
    return etree.XMLSchema(etree.fromstring(wrapper.encode()))


def _valid(content, *schemas):
    doc = etree.fromstring(content)
    schema = _schema(*schemas)
    assert schema.validate(doc), schema.error_log
    return doc


@pytest.fixture
def stories():
    ArticleFactory(published=True, title=NASTY_TITLE)
    ArticleFactory(
        published=True,
        title="Berita minggu lalu",
        published_at=timezone.now() - datetime.timedelta(days=7),
    )
    AgencyFactory()
    OfficialFactory()


def test_sitemap_index_validates_and_lists_every_section(client, stories, settings):
    settings.WARTA_SITE_URL = "https://mmc.kobarkab.go.id"
    response = client.get("/sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    doc = _valid(response.content, "siteindex.xsd")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = doc.xpath("//s:loc/text()", namespaces=ns)
    assert "https://mmc.kobarkab.go.id/sitemap-berita.xml" in locations
    assert "https://mmc.kobarkab.go.id/sitemap-news.xml" in locations
    for location in locations:
        path = location.removeprefix("https://mmc.kobarkab.go.id")
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize(
    "section", ["beranda", "berita", "kategori", "instansi", "pejabat", "halaman"]
)
def test_each_section_sitemap_validates(client, stories, section):
    response = client.get(f"/sitemap-{section}.xml")
    _valid(response.content, "sitemap.xsd")


def test_story_sitemap_lists_visible_stories_only(client, stories):
    ArticleFactory(title="Draf rahasia", slug="draf-rahasia")
    text = client.get("/sitemap-berita.xml").content.decode()
    assert "draf-rahasia" not in text
    assert text.count("<url>") == 2


def test_news_sitemap_validates_with_a_nasty_title_and_covers_48_hours(client, stories):
    response = client.get("/sitemap-news.xml")
    doc = _valid(response.content, "sitemap.xsd", "sitemap-news.xsd")
    ns = {"n": "http://www.google.com/schemas/sitemap-news/0.9"}
    titles = doc.xpath("//n:title/text()", namespaces=ns)
    assert titles == ['Rakor & <Pilkada> ]]> "kutip" 🎉 kontrol akhir']
    assert doc.xpath("//n:language/text()", namespaces=ns) == ["id"]


def test_unknown_sitemap_section_is_404(client):
    assert client.get("/sitemap-rahasia.xml").status_code == 404


def test_story_sitemap_pages_cover_every_visible_story_once(client, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    stories = [ArticleFactory(published=True) for _ in range(5)]
    ArticleFactory(slug="draf-rahasia")
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-berita.xml?p=3<" in index
    assert "/sitemap-berita.xml?p=4<" not in index
    listed = []
    for page in ("", "?p=2", "?p=3"):
        doc = _valid(client.get(f"/sitemap-berita.xml{page}").content, "sitemap.xsd")
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        listed += doc.xpath("//s:loc/text()", namespaces=ns)
    assert [url.rsplit("/", 2)[1] for url in listed] == [s.slug for s in stories]
    assert client.get("/sitemap-berita.xml?p=4").status_code == 404
    assert client.get("/sitemap-berita.xml?p=x").status_code == 404
