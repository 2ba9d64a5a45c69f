"""The public pages as a reader sees them (portal/views.py, templates/)."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string
from django.utils import timezone
from lxml import html as lxml_html

from articles.models import Article
from portal.views import render_article
from tests.support.factories import (
    AgencyFactory,
    ArticleFactory,
    CategoryFactory,
    OfficialFactory,
    PositionFactory,
)
from tests.support.stories import seed_story

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def story():
    return seed_story(published_at=datetime.datetime(2024, 6, 4, 10, 15, tzinfo=WIB))


def _doc(response):
    return lxml_html.fromstring(response.content)


def _jsonld(doc):
    items = []
    for node in doc.xpath('//script[@type="application/ld+json"]'):
        data = json.loads(node.text)
        items.extend(data if isinstance(data, list) else [data])
    return items


def test_story_shows_date_in_indonesian_with_wib(client, story):
    text = client.get(story.get_absolute_url()).content.decode()
    assert "Selasa, 4 Juni 2024 10.15 WIB" in text


def test_story_shows_breadcrumbs_title_dateline_summary_credit(client, story):
    doc = _doc(client.get(story.get_absolute_url()))
    crumbs = [t.strip() for t in doc.xpath('//nav[@class="breadcrumbs"]//li//text()')]
    assert crumbs == ["Beranda", "Politik dan Pemilu", story.title]
    assert doc.xpath("//h1/text()") == [story.title]
    assert doc.xpath('//strong[@class="dateline"]/text()') == ["MMC Kobar –"]
    assert story.summary in doc.xpath('//p[@class="lead"]/text()')
    assert doc.xpath('//p[@class="credit-line"]/text()') == ["(humas kesbangpol)"]


def test_story_shows_featured_photo_with_caption_credit_and_srcset(client, story):
    doc = _doc(client.get(story.get_absolute_url()))
    featured = doc.xpath('//figure[@class="featured"]')[0]
    assert "Keterangan foto 0" in featured.text_content()
    assert "Foto: Humas Polres Kobar" in featured.text_content()
    img = featured.xpath(".//img")[0]
    assert img.get("width") == "1200" and img.get("height") == "800"
    assert img.get("loading") is None  # above the fold: not lazy
    webp = featured.xpath('.//source[@type="image/webp"]')[0].get("srcset")
    assert "320w" in webp and "1200w" in webp


def test_gallery_photos_are_lazy_with_size_and_caption(client, story):
    doc = _doc(client.get(story.get_absolute_url()))
    gallery = doc.xpath('//section[@class="gallery"]//figure')
    assert len(gallery) == 1
    img = gallery[0].xpath(".//img")[0]
    assert img.get("loading") == "lazy"
    assert img.get("width") == "800" and img.get("height") == "600"
    assert "Keterangan foto 1" in gallery[0].text_content()


def test_officials_are_named_with_the_position_held_on_the_story_date(client, story):
    doc = _doc(client.get(story.get_absolute_url()))
    items = [li.text_content() for li in doc.xpath('//h2[@id="pejabat"]/..//li')]
    assert "AKBP Pejabat Kobar 0 — Kabag 0 Kobar" in items
    assert not any("Waka" in item for item in items)
    links = doc.xpath('//h2[@id="pejabat"]/..//a/@href')
    assert "/pejabat/pejabat-kobar-0/" in links


def test_story_links_agencies_and_tags(client, story):
    doc = _doc(client.get(story.get_absolute_url()))
    assert "/instansi/polres-kobar/" in doc.xpath('//h2[@id="instansi"]/..//a/@href')
    tags = doc.xpath('//p[@class="tags"]/a/@href')
    assert "/tag/pilkada-2024/" in tags


def test_share_buttons_are_plain_links_with_no_third_party_script(client, story):
    doc = _doc(client.get(story.get_absolute_url()))
    hrefs = doc.xpath('//section[@class="share"]//a/@href')
    assert [h.split("/")[2] for h in hrefs] == [
        "wa.me",
        "www.facebook.com",
        "x.com",
        "t.me",
    ]
    assert doc.xpath('//button[@class="copy-link"]')
    scripts = doc.xpath("//script/@src")
    assert scripts and all(src.startswith("/static/") for src in scripts)


def test_baca_juga_puts_editor_picks_first_and_hides_invisible_ones(client, story):
    older = timezone.now() - datetime.timedelta(days=30)
    pick = ArticleFactory(published=True, title="Pilihan redaksi", published_at=older)
    sharing = ArticleFactory(published=True, title="Sama tagnya")
    sharing.tags.add("pilkada 2024")
    draft = ArticleFactory(title="Draf bertag sama")
    draft.tags.add("pilkada 2024")
    draft_pick = ArticleFactory(title="Pilihan yang belum terbit")
    unrelated = ArticleFactory(published=True, title="Tidak berhubungan")
    story.related.add(pick, draft_pick, story)

    doc = _doc(client.get(story.get_absolute_url()))
    titles = doc.xpath('//aside[@class="related"]//a/text()')
    assert titles == ["Pilihan redaksi", "Sama tagnya"]
    assert story.title not in titles
    assert draft.title not in titles and unrelated.title not in titles


def test_story_metadata_canonical_description_open_graph_twitter(
    client, story, settings
):
    settings.WARTA_SITE_URL = "https://mmc.kobarkab.go.id"
    doc = _doc(client.get(story.get_absolute_url()))
    canonical = f"https://mmc.kobarkab.go.id{story.get_absolute_url()}"
    assert doc.xpath('//link[@rel="canonical"]/@href') == [canonical]
    assert doc.xpath('//meta[@name="description"]/@content') == [story.summary]
    og = {m.get("property"): m.get("content") for m in doc.xpath("//meta[@property]")}
    assert og["og:url"] == canonical
    assert og["og:image"].startswith("https://mmc.kobarkab.go.id/media/renditions/")
    assert og["og:image:width"] == "1200"
    assert og["og:image"].endswith("-1200w.jpg")
    assert doc.xpath('//meta[@name="twitter:card"]/@content') == ["summary_large_image"]


def test_json_ld_news_article_names_people_and_agencies(client, story):
    news, crumbs = _jsonld(_doc(client.get(story.get_absolute_url())))
    assert news["@type"] == "NewsArticle"
    assert news["headline"] == story.title
    assert news["datePublished"].startswith("2024-06-04T")
    assert news["dateModified"]
    assert news["image"][0].endswith("-1200w.jpg")
    assert news["author"][0]["@type"] == "GovernmentOrganization"
    assert news["publisher"]["@type"] == "Organization"
    assert {m["@type"] for m in news["mentions"]} == {"Person"}
    assert "Kepala Bagian 0" in [m.get("jobTitle") for m in news["mentions"]]
    assert {a["@type"] for a in news["about"]} == {"GovernmentOrganization"}
    assert crumbs["@type"] == "BreadcrumbList"
    assert [i["position"] for i in crumbs["itemListElement"]] == [1, 2, 3]


def test_json_ld_cannot_be_broken_out_of_by_a_title(client):
    nasty = 'Judul </script><script>alert("x")</script> & <!--'
    article = ArticleFactory(published=True, title=nasty)
    response = client.get(article.get_absolute_url())
    text = response.content.decode()
    assert "<script>alert" not in text
    news = _jsonld(_doc(response))[0]
    assert news["headline"] == nasty


def test_preview_render_is_marked_noindex_and_never_cached(rf, story):
    story.status = Article.Status.DRAFT
    story.save()
    request = rf.get("/pratinjau/x/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = render_article(request, Article.objects.get(pk=story.pk), preview=True)
    text = response.content.decode()
    assert '<meta name="robots" content="noindex">' in text
    assert "Pratinjau" in text
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "data-read-url" not in text  # previews are not counted as reads


def test_home_shows_headline_latest_category_blocks_and_popular(client, story):
    headline = ArticleFactory(
        published=True, title="Berita utama hari ini", is_headline=True
    )
    for _ in range(7):
        ArticleFactory(published=True)  # push the story out of "Berita terbaru"
    text = client.get("/").content.decode()
    doc = lxml_html.fromstring(text)
    assert doc.xpath('//section[@class="headline"]//h3/a/text()') == [headline.title]
    assert story.title in text
    assert "Terpopuler" in text
    assert doc.xpath('//h2/a[@href="/kategori/politik-pemilu/"]')


def test_official_page_shows_rank_positions_over_time_and_stories(client, story):
    doc = _doc(client.get("/pejabat/pejabat-kobar-0/"))
    assert doc.xpath("//h1/text()") == ["AKBP Pejabat Kobar 0"]
    positions = [li.text_content() for li in doc.xpath('//ul[@class="positions"]/li')]
    assert positions[0].startswith("Kepala Bagian 0, Polres Kobar")
    assert "sekarang" in positions[0]
    assert positions[1].startswith("Wakil Kepala")
    assert story.title in doc.xpath("//article//h3/a/text()")


def test_agency_page_shows_kind_parent_children_current_officials(client, story):
    child = AgencyFactory(
        short_name="Polsek Arut Selatan", parent=story.contributing_agency
    )
    official = OfficialFactory(name="Kapolsek Baru")
    PositionFactory(official=official, agency=child, title="Kapolsek")
    doc = _doc(client.get("/instansi/polres-kobar/"))
    text = doc.text_content()
    assert "Kepolisian" in text  # kind
    assert "Polsek Arut Selatan" in text
    assert "Kepala Bagian 0" in text  # current official
    assert story.title in text
    child_doc = _doc(client.get(child.get_absolute_url()))
    assert "Kepolisian Resor Kotawaringin Barat" in child_doc.text_content()
    assert "Kapolsek Baru" in child_doc.text_content()


@pytest.mark.parametrize(
    "path",
    [
        "/kategori/kosong/",
        "/kategori/kosong/?page=999",
        "/kategori/kosong/?page=abc",
        "/tag/sepi/",
        "/arsip/2019/01/",
        "/arsip/2019/01/?page=-1",
        "/cari/?q=tidakadahasil",
        "/cari/?kategori=tidak-ada&dari=kemarin",
    ],
)
def test_empty_listings_and_bad_page_numbers_give_a_proper_page(client, path):
    CategoryFactory(name="Kosong", slug="kosong")
    ArticleFactory(published=True).tags.add("sepi")
    response = client.get(path)
    assert response.status_code == 200
    assert b"<h1>" in response.content


def test_listing_is_paginated_and_keeps_filters_in_page_links(client):
    category = CategoryFactory(slug="banyak")
    for _ in range(14):
        ArticleFactory(published=True, category=category)
    doc = _doc(client.get("/kategori/banyak/"))
    assert len(doc.xpath('//div[@class="stories"]/article')) == 12
    assert doc.xpath('//a[@rel="next"]/@href') == ["?page=2"]
    doc = _doc(client.get("/kategori/banyak/?page=2"))
    assert len(doc.xpath('//div[@class="stories"]/article')) == 2


def test_agency_pages_list_its_stories_newest_first_page_by_page(client):
    agency = AgencyFactory(slug="dinas-contoh")
    start = timezone.now() - datetime.timedelta(days=30)
    titles = []
    for day in range(15):
        story = ArticleFactory(
            published=True,
            title=f"Berita hari {day:02d}",
            published_at=start + datetime.timedelta(days=day),
            contributing_agency=agency if day % 2 else None,
        )
        if not day % 2:
            story.agencies.add(agency)
        titles.append(story.title)
    ArticleFactory(title="Draf dinas", contributing_agency=agency)

    def shown(path):
        doc = _doc(client.get(path))
        return doc.xpath('//div[@class="stories"]/article//h3/a/text()')

    newest_first = titles[::-1]
    assert shown("/instansi/dinas-contoh/") == newest_first[:12]
    assert shown("/instansi/dinas-contoh/?page=2") == newest_first[12:]


def test_archive_lists_the_month_in_the_site_time_zone(client):
    # 1 July 00:30 WIB is still 30 June in UTC: it belongs to July here.
    july = ArticleFactory(
        published=True,
        title="Awal Juli",
        published_at=datetime.datetime(2024, 7, 1, 0, 30, tzinfo=WIB),
    )
    assert july.title in client.get("/arsip/2024/07/").content.decode()
    assert july.title not in client.get("/arsip/2024/06/").content.decode()
    assert client.get("/arsip/2024/13/").status_code == 404


def test_scheduled_and_draft_stories_appear_nowhere(client):
    ArticleFactory(
        status=Article.Status.PUBLISHED,
        title="Terjadwal besok",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    ArticleFactory(title="Masih draf")
    for path in ["/", "/feed/", "/sitemap-berita.xml", "/cari/?q=besok"]:
        text = client.get(path).content.decode()
        assert "Terjadwal besok" not in text and "Masih draf" not in text


def test_not_found_page_is_in_indonesian_with_navigation(client):
    CategoryFactory(name="Kesehatan")
    response = client.get("/tidak/ada/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "Halaman tidak ditemukan" in text and "Kesehatan" in text


def test_server_error_page_renders_without_a_database_or_context():
    text = render_to_string("500.html")
    assert "Terjadi gangguan" in text and 'lang="id"' in text


def test_robots_txt_points_to_the_sitemaps(client, settings):
    settings.WARTA_SITE_URL = "https://mmc.kobarkab.go.id"
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://mmc.kobarkab.go.id/sitemap.xml" in text
    assert "Sitemap: https://mmc.kobarkab.go.id/sitemap-news.xml" in text
    assert re.search(r"^Disallow: /admin/$", text, re.M)


def test_public_pages_load_no_third_party_resources(client, story):
    for path in ["/", story.get_absolute_url(), "/cari/?q=pilkada"]:
        doc = _doc(client.get(path))
        for attr in ("//script/@src", "//link/@href", "//img/@src"):
            for url in doc.xpath(attr):
                assert not url.startswith(("http://", "https://", "//")) or (
                    "testserver" in url or "127.0.0.1" in url
                ), url


def test_inline_photo_placed_in_the_body_is_not_repeated_in_the_gallery(client):
    from articles.models import ArticlePhoto
    from tests.support.factories import ArticleFactory
    from tests.support.photos import PhotoFactory

    placed, loose = (
        PhotoFactory(caption="Di dalam teks"),
        PhotoFactory(caption="Belum ditempatkan"),
    )
    src = placed.rendition(960).file.url
    article = ArticleFactory(
        published=True,
        body=f'<p>Isi</p><figure class="image"><img src="{src}" '
        'alt="x"><figcaption>Di dalam teks</figcaption></figure>',
    )
    for order, photo in enumerate([placed, loose]):
        ArticlePhoto.objects.create(
            article=article, photo=photo, order=order, role=ArticlePhoto.Role.INLINE
        )
    doc = _doc(client.get(article.get_absolute_url()))
    gallery = " ".join(
        f.text_content() for f in doc.xpath('//section[@class="gallery"]//figure')
    )
    assert "Belum ditempatkan" in gallery
    assert "Di dalam teks" not in gallery
    assert doc.text_content().count("Di dalam teks") == 1
