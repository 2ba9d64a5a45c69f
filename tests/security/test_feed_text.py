"""A story's summary reaches feed readers as the text it is, never as markup
(issue 8, defect 8)."""

import feedparser
import pytest
from lxml import html as lxml_html

from tests.support.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SUMMARY = (
    'Rapat <img src=x onerror="alert(1)"> & <b>tebal</b> '
    '<a href="//judi.example">slot</a>'
)


@pytest.mark.parametrize(
    "path", ["/feed/", "/kategori/{slug}/feed/", "/tag/rapat/feed/"]
)
def test_summary_markup_reaches_the_feed_reader_as_text(client, path):
    story = ArticleFactory(published=True, summary=SUMMARY)
    story.tags.add("rapat")
    response = client.get(path.format(slug=story.category.slug))
    entry = feedparser.parse(response.content).entries[0]
    # What the reader app renders: the description is HTML to it.
    shown = lxml_html.fragment_fromstring(entry.summary, create_parent="div")
    assert shown.xpath("//img | //b | //a") == []
    assert shown.text_content() == SUMMARY
