"""The public site's Jinja2 templates (portal/jinja.py): what writers and
readers typed is printed as text, never as markup."""

import pytest
from lxml import html as lxml_html

from articles.models import ArticlePhoto
from tests.support.stories import seed_story

pytestmark = pytest.mark.django_db

TITLE = "Rakor \"aman\" </title><script>alert('judul')</script>"
SUMMARY = "Ringkasan <script>alert(\"ringkasan\")</script> & 'kutip'"
CAPTION = 'Keterangan <img src=x onerror="alert(1)"> "foto"'
ALT = 'Alt" onload="alert(2)'
TAG = "<script>alert('tag')</script>"


@pytest.fixture
def hostile():
    """A visible story whose title, summary, featured caption, alt text and a
    tag are each an attempt at markup."""
    story = seed_story(title=TITLE, tags=(TAG, "keamanan"))
    story.summary = SUMMARY
    story.save()
    featured = story.photos.get(role=ArticlePhoto.Role.FEATURED)
    featured.caption = CAPTION
    featured.save()
    featured.photo.alt_text = ALT
    featured.photo.save()
    return story


def _injected_scripts(doc):
    """Script elements other than the site's own file and its JSON-LD."""
    return [
        node
        for node in doc.xpath("//script")
        if not (node.get("src", "").startswith("/static/"))
        and node.get("type") != "application/ld+json"
    ]


def test_story_page_prints_hostile_text_as_text(client, hostile):
    page = client.get(hostile.get_absolute_url()).content.decode()
    doc = lxml_html.fromstring(page)
    assert _injected_scripts(doc) == []
    assert doc.xpath("//title")[0].text_content().startswith(TITLE)
    assert doc.xpath("//h1")[0].text_content() == TITLE
    assert doc.xpath('//p[@class="lead"]')[0].text_content() == SUMMARY
    assert doc.xpath('//meta[@property="og:title"]/@content') == [TITLE]
    assert doc.xpath('//meta[@name="description"]/@content') == [SUMMARY]
    assert (
        CAPTION in doc.xpath('//figure[@class="featured"]/figcaption')[0].text_content()
    )
    assert doc.xpath("//figure[@class='featured']//img")[0].get("alt") == ALT
    assert not doc.xpath("//img[@onerror]") and not doc.xpath("//img[@onload]")
    assert "#" + TAG in doc.xpath('//p[@class="tags"]')[0].text_content()
    assert "<script>alert(" not in page


def test_home_page_prints_hostile_text_as_text(client, hostile):
    page = client.get("/").content.decode()
    doc = lxml_html.fromstring(page)
    assert _injected_scripts(doc) == []
    headline = doc.xpath('//section[@class="headline"]')[0]
    assert headline.xpath(".//h3")[0].text_content() == TITLE
    assert headline.xpath('.//p[@class="summary"]')[0].text_content() == SUMMARY
    assert "<script>alert(" not in page
