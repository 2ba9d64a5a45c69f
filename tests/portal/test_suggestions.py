"""Never a dead end: suggestions (portal/suggestions.py), the fallbacks
(portal/search_fallbacks.py) and marking (portal/highlighting.py), on
whichever database the run uses."""

import pytest
from lxml import html as lxml_html

from articles.models import Article
from portal.suggestions import known_words, suggested_queries
from tests.support.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _page(client, query):
    response = client.get("/cari/", {"q": query})
    assert response.status_code == 200
    return response.content.decode(), lxml_html.fromstring(response.content)


def test_a_typo_is_corrected_to_the_nearest_indexed_word(client):
    story = ArticleFactory(published=True, title="Izin tambang pasir dievaluasi")
    ArticleFactory(published=True, title="Tambal ban gratis untuk pemudik")
    text, doc = _page(client, "tambnag pasir")
    assert doc.xpath('string(//p[@class="suggestion"]/a)') == "tambang pasir"
    links = doc.xpath('//div[contains(@class, "results")]//h2/a/@href')
    assert links == [story.get_absolute_url()]
    assert "ditemukan untuk “tambang pasir”" in text


def test_known_words_get_no_suggestion():
    ArticleFactory(published=True, title="Jembatan gantung rampung")
    assert suggested_queries("jembatan gantung") == []
    assert suggested_queries("jembatan gantugn") == ["jembatan gantung"]


def test_a_suggestion_never_names_a_word_only_unpublished_stories_hold(client):
    ArticleFactory(title="Rencana mutasi pejabat", status=Article.Status.DRAFT)
    ArticleFactory(published=True, title="Pasar murah")
    text, doc = _page(client, "mutasu")
    assert not doc.xpath('//p[@class="suggestion"]')
    assert "mutasi" not in text.lower()


def test_the_vocabulary_learns_the_words_of_saved_stories():
    story = ArticleFactory(published=True, title="Jembatan gantung")
    assert known_words(["jembatan", "gantung", "kalong"]) == {"jembatan", "gantung"}
    story.title = "Koloni kalong"
    story.save(update_fields=["title"])
    assert "kalong" in known_words(["kalong"])


def test_a_word_gone_from_every_story_is_not_suggested(client):
    gone = ArticleFactory(published=True, title="Festival kalong")
    ArticleFactory(published=True, title="Pasar murah kalang kabut")
    gone.delete()
    # "kalong" may stay in the vocabulary; its search finds nothing, so the
    # next nearest word is offered.
    _, doc = _page(client, "kalonh")
    assert doc.xpath('string(//p[@class="suggestion"]/a)') == "kalang"


def test_when_no_story_holds_every_word_any_word_is_searched(client):
    bridge = ArticleFactory(published=True, title="Jembatan gantung rampung")
    ArticleFactory(published=True, title="Pasar murah")
    text, doc = _page(client, "jembatan kalong")
    links = doc.xpath('//div[contains(@class, "results")]//h2/a/@href')
    assert links == [bridge.get_absolute_url()]
    assert "memuat sebagian" in text


def test_a_story_with_every_word_ranks_above_one_with_some(client):
    both = ArticleFactory(published=True, title="Korupsi kuota haji")
    some = ArticleFactory(published=True, title="Manasik haji")
    _, doc = _page(client, "korupsi haji")
    links = doc.xpath('//div[contains(@class, "results")]//h2/a/@href')
    assert links == [both.get_absolute_url()]
    assert some.get_absolute_url() not in links


def test_marks_fall_on_the_readers_words_and_their_forms_not_stopwords(client):
    ArticleFactory(
        published=True,
        title="Kejati usut korupsi kuota haji di Jogja",
        body="<p>Di kantor itu, di ruang arsip, penyidik mengusut korupsi.</p>",
    )
    _, doc = _page(client, "korupsi haji di jogja usut")
    title = doc.xpath('//div[contains(@class, "results")]//h2/a')[0]
    assert [m.text for m in title.xpath(".//mark")] == [
        "usut",
        "korupsi",
        "haji",
        "Jogja",
    ]
    snippet = doc.xpath('//p[@class="snippet"]')[0]
    assert [m.text for m in snippet.xpath(".//mark")] == ["mengusut", "korupsi"]
