"""Relevance of search: a small set of queries with the story that must come
first, on whichever database the run uses, and the bounded ranking window
(portal/search.py)."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from lxml import html as lxml_html

from portal import search
from tests.support.factories import ArticleFactory

pytestmark = pytest.mark.django_db

# (title, summary, body): each story is about one thing, and mentions other
# topics in passing, the way news stories do.
STORIES = {
    "banjir": (
        "Banjir rendam tiga desa di Kumai",
        "Air sungai meluap setelah hujan deras semalam.",
        "<p>Warga tiga desa mengungsi. Dinas sosial menyalurkan bantuan beras "
        "dan selimut. Jalan menuju pasar ikut terendam.</p>",
    ),
    "stunting": (
        "Kasus stunting turun berkat posyandu aktif",
        "Dinas kesehatan mencatat penurunan kasus stunting balita.",
        "<p>Kader posyandu menimbang balita setiap bulan dan memberi makanan "
        "tambahan. Puskesmas memantau gizi ibu hamil.</p>",
    ),
    "pilkada": (
        "Rakor pengamanan pilkada serentak digelar",
        "Polres dan TNI menyiapkan personel untuk pilkada.",
        "<p>Rapat koordinasi membahas pengamanan tempat pemungutan suara. "
        "Bupati meminta warga menjaga kerukunan.</p>",
    ),
    "jembatan": (
        "Jembatan gantung Sungai Arut diresmikan",
        "Jembatan sepanjang 120 meter menghubungkan dua kelurahan.",
        "<p>Pembangunan memakan waktu delapan bulan. Warga tidak lagi "
        "menyeberang dengan perahu. Banjir tahun lalu merusak jembatan lama.</p>",
    ),
    "sawit": (
        "Harga tandan buah segar sawit naik",
        "Petani sawit menikmati kenaikan harga pekan ini.",
        "<p>Dinas perkebunan menetapkan harga baru. Jalan kebun yang rusak "
        "karena banjir segera diperbaiki.</p>",
    ),
    "festival": (
        "Festival budaya Manggatang Utus meriah",
        "Ribuan warga menonton pawai budaya di pusat kota.",
        "<p>Sanggar tari dari setiap kecamatan tampil. Pedagang UMKM membuka "
        "lapak di sepanjang jalan.</p>",
    ),
}

# The query, and the story that must be the first result.
FIRST = [
    ("banjir", "banjir"),
    ("banjir kumai", "banjir"),
    ("stunting", "stunting"),
    ("posyandu balita", "stunting"),
    ("pengamanan pilkada", "pilkada"),
    ("pilkada", "pilkada"),
    ("jembatan", "jembatan"),
    ("jembatan gantung", "jembatan"),
    ("harga sawit", "sawit"),
    ("festival budaya", "festival"),
]


@pytest.fixture
def stories():
    """The stories, the first of them oldest: a story that only mentions a
    word is newer than the story about it, so recency alone would fail."""
    now = timezone.now()
    found = {}
    for i, (key, (title, summary, body)) in enumerate(STORIES.items()):
        found[key] = ArticleFactory(
            published=True,
            title=title,
            summary=summary,
            body=body,
            published_at=now - datetime.timedelta(days=len(STORIES) - i),
        )
    return found


def _titles(client, query):
    response = client.get("/cari/", {"q": query})
    assert response.status_code == 200
    doc = lxml_html.fromstring(response.content)
    # Titles are marked on the reader's words: the link's whole text.
    return [
        link.text_content()
        for link in doc.xpath('//div[contains(@class, "results")]//h2/a')
    ]


def _status(client, query):
    doc = lxml_html.fromstring(client.get("/cari/", {"q": query}).content)
    return " ".join(doc.xpath('//p[@role="status"]//text()'))


@pytest.mark.parametrize(("query", "expected"), FIRST)
def test_the_story_about_the_query_comes_first(client, stories, query, expected):
    titles = _titles(client, query)
    assert titles and titles[0] == stories[expected].title, titles


def test_stories_mentioning_the_word_in_passing_follow(client, stories):
    # "banjir" is also in the (newer) jembatan and sawit bodies.
    titles = _titles(client, "banjir")
    assert titles[0] == stories["banjir"].title
    assert set(titles[1:]) == {stories["jembatan"].title, stories["sawit"].title}


def test_a_search_within_the_window_shows_its_exact_count(client, stories):
    assert _status(client, "banjir") == "3 berita ditemukan."


def test_only_the_newest_matches_are_ranked_when_there_are_many(client, monkeypatch):
    now = timezone.now()
    in_title, in_summary, in_body = (
        ArticleFactory(
            published=True,
            title=title,
            summary=summary,
            body=body,
            published_at=now - datetime.timedelta(days=days),
        )
        for days, title, summary, body in [
            (3, "Pameran batik dibuka", "Batik khas daerah.", "<p>Ramai.</p>"),
            (2, "Bazar ramadan", "Ada pameran kecil.", "<p>Ramai.</p>"),
            (1, "Rapat dinas", "Agenda pekan ini.", "<p>Soal pameran.</p>"),
        ]
    )
    assert _titles(client, "pameran") == [
        in_title.title,
        in_summary.title,
        in_body.title,
    ]
    monkeypatch.setattr(search, "RANK_WINDOW", 2)
    cache.clear()  # the page above is cached
    # The oldest match is out of the window; the two newest are still ranked
    # (the summary above the body), and the total is given as an estimate.
    assert _titles(client, "pameran") == [in_summary.title, in_body.title]
    assert _status(client, "pameran").startswith("Sekitar")


@pytest.mark.parametrize("dense_matches", [0, 20_000])
def test_an_old_match_is_found_behind_newer_stories_that_do_not_match(
    client, monkeypatch, dense_matches
):
    # Both ways of finding the newest matches (walking the stories, or the
    # index then a sort): the match is tested on each candidate, not on the
    # outer query's row.
    monkeypatch.setattr(search, "RANK_WINDOW", 2)
    monkeypatch.setattr(search, "DENSE_MATCHES", dense_matches)
    now = timezone.now()
    old = ArticleFactory(
        published=True,
        title="Pameran batik dibuka",
        published_at=now - datetime.timedelta(days=10),
    )
    for days in (1, 2, 3):
        ArticleFactory(
            published=True,
            title=f"Rapat dinas {days}",
            summary="Agenda pekan ini.",
            body="<p>Ramai.</p>",
            published_at=now - datetime.timedelta(days=days),
        )
    assert _titles(client, "pameran") == [old.title]


@pytest.mark.parametrize(
    ("margin", "planned"), [(0, 4), (1, 12), (1, 40), (1, 120), (1000, 4)]
)
def test_newest_matches_looked_for_among_recent_stories_first(
    client, monkeypatch, margin, planned
):
    # From RECENT_MATCHES on (PostgreSQL), the newest matches are looked for
    # among the newest stories first, then a step further down, then among
    # the older ones. Whatever the cutoffs (on PostgreSQL, with 30 stories:
    # both at the newest; all three found before the first; one, then two
    # more before the second; none, one, then the older ones; no steps at
    # all), the window is the newest RANK_WINDOW matches.
    monkeypatch.setattr(search, "RANK_WINDOW", 3)
    monkeypatch.setattr(search, "RECENT_MATCHES", 0)
    monkeypatch.setattr(search, "RECENT_MARGIN", margin)
    now = timezone.now()
    matching = []
    for days in range(1, 31):
        matches = days % 3 == 0  # every third story, the newest after 3 days
        story = ArticleFactory(
            published=True,
            title=f"Pameran batik {days}" if matches else f"Rapat dinas {days}",
            summary="Agenda pekan ini.",
            body="<p>Ramai.</p>",
            published_at=now - datetime.timedelta(days=days),
        )
        if matches:
            matching.append(story)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE articles_article")
    window = search.article_search("pameran", planned=planned)
    assert sorted(story.pk for story in window) == sorted(
        story.pk for story in matching[:3]
    )
    # Same titles in the page, in the order of their rank and then newest.
    assert _titles(client, "pameran") == [story.title for story in matching[:3]]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="only PostgreSQL plans searches"
)
def test_a_phrase_is_expected_as_often_as_its_rarest_word(monkeypatch):
    # One EXPLAIN: each version's branch, then for every word together each
    # word's. The planner's number stays what "Sekitar" shows; the path is
    # chosen by the rarest word's: the words of a phrase go together.
    explained = []

    def estimates(querysets):
        explained.append(len(querysets))
        return [100, 4_000, 900, 50_000]

    monkeypatch.setattr(search, "_explained", estimates)
    together, any_word = search.planned_rows(
        [("teluk pulai", False), ("teluk pulai", True)]
    )
    assert explained == [4]
    assert (together, together.expected) == (100, 900)
    assert (any_word, any_word.expected) == (50_000, 50_000)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="only PostgreSQL plans searches"
)
def test_a_word_shared_by_the_suggestions_is_planned_once(monkeypatch):
    # "teluk pulau" suggested for "teluk pulai": "teluk" is explained once.
    explained = []

    def estimates(querysets):
        explained.append(len(querysets))
        return [100, 4_000, 900, 300, 2_000]

    monkeypatch.setattr(search, "_explained", estimates)
    typed, suggested = search.planned_rows(
        [("teluk pulai", False), ("teluk pulau", False)]
    )
    assert explained == [5]
    assert (typed, typed.expected) == (100, 900)
    assert (suggested, suggested.expected) == (300, 2_000)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="only PostgreSQL plans searches"
)
def test_a_phrase_planned_rare_is_looked_for_among_recent_stories_first():
    # Planned at 100 stories together, but its rarest word is in 4,000: the
    # newest matches are looked for in steps down the archive, not read all.
    found = search.query_words("teluk pulai")
    newest = search._newest(found, None, False, search.Planned(100, 4_000))
    assert "warta_cutoff_0" in newest.sql
    alone = search._newest(found, None, False, search.Planned(100, 900))
    assert "warta_cutoff_0" not in alone.sql


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="only PostgreSQL plans searches"
)
def test_a_match_never_rare_to_the_planner_finds_the_same_stories(stories):
    found = search.query_words("banjir kumai")
    plain = search._matches(found, None, False)
    never_rare = search._matches(found, None, False, never_rare=True)
    assert set(never_rare.values_list("pk", flat=True)) == set(
        plain.values_list("pk", flat=True)
    )
    assert plain.exists()


@pytest.mark.parametrize("planned", [None, 5])
def test_the_first_version_finding_a_visible_story_is_tried(planned):
    # Both tests of a version: walking the stories (many matches expected
    # or no estimate), or reading the full-text index (few expected).
    ArticleFactory(published=True, title="Pameran batik dibuka")
    ArticleFactory(title="Festival tenun disiapkan")  # a draft
    versions = [("tenun", False), ("pameran", False), ("batik", False)]
    found = search.first_matching(versions, planned=[planned] * len(versions))
    assert found == 1
    assert search.first_matching([("tenun", False)], planned=[planned]) is None
