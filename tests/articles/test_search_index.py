"""What a story's search index holds (articles/search_index.py)."""

import functools
import json

import pytest
from django.core.management import call_command

from articles import search_index
from articles.models import Article
from articles.search_index import fts_text, plain_text, tsvector_text
from portal.search import article_search
from portal.suggestions import known_words
from tests.support.factories import ArticleFactory


def test_tsvector_holds_words_as_typed_and_differing_stems_marked():
    vector = tsvector_text("Bupati Kediri", "Ringkasan", "<p>Menangkap diri</p>")
    entries = dict(entry.split(":") for entry in vector.split(" "))
    assert entries["'kediri'"] == "2A"
    assert entries["'~diri'"] == "2A"  # the stem of Kediri, marked
    assert entries["'bupati'"] == "1A"  # no "~bupati": the same as typed
    assert "'~bupati'" not in entries
    assert entries["'ringkasan'"] == "3B"
    assert entries["'~tangkap'"] == "4C"
    assert entries["'diri'"] == "5C"


def test_fts_columns_hold_words_as_typed_then_their_stems():
    columns = json.loads(fts_text("Kediri menangkap", "", "<p>anak-anak</p>"))
    assert columns == ["kediri menangkap", "diri tangkap", "", "", "anak", "anak"]


def test_tags_break_words():
    assert plain_text("<p>jalan</p><p>desa&amp;kota</p>").split() == [
        "jalan",
        "desa&kota",
    ]


@pytest.mark.django_db
def test_reindex_command_restores_an_index_written_around_save(capsys):
    story = ArticleFactory(published=True, title="Jembatan gantung rampung")
    # Written in bulk without Article.save: the index knows nothing of it.
    Article.objects.filter(pk=story.pk).update(search_vector=None)
    assert not article_search("jembatan").exists()
    call_command("search_reindex", batch_size=1)
    assert list(article_search("jembatan")) == [story]
    assert "1 berita diindeks" in capsys.readouterr().out


@pytest.mark.django_db
def test_an_edit_saved_with_update_fields_reindexes_the_story():
    story = ArticleFactory(published=True, title="Pasar murah")
    story.title = "Penangkapan pengedar"
    story.save(update_fields=["title"])
    assert list(article_search("menangkap")) == [story]
    assert not article_search("pasar").exists()


@pytest.mark.django_db
def test_reindex_forgets_words_no_story_holds_any_more():
    story = ArticleFactory(published=True, title="Jembatan gantung rampung")
    ArticleFactory(published=True, title="Pasar murah")
    # An edit that bypassed Article.save, then the index made again.
    Article.objects.filter(pk=story.pk).update(title="Festival danau")
    call_command("search_reindex")
    assert known_words(["gantung", "festival", "pasar"]) == {"festival", "pasar"}
    assert list(article_search("festival")) == [story]


@pytest.mark.django_db
def test_reindex_keeps_the_vector_of_a_story_saved_while_it_was_analysed(
    monkeypatch,
):
    story = ArticleFactory(published=True, title="Pasar murah")
    analyses = {f: getattr(search_index, f) for f in ("tsvector_text", "fts_text")}

    saved = []

    def save_meanwhile(title, summary, body, analyse):
        # An editor's save lands between the batch's read and its write.
        if not saved:
            saved.append(True)
            fresh = Article.objects.get(pk=story.pk)
            fresh.title = "Penangkapan pengedar"
            fresh.save()
        return analyse(title, summary, body)

    for name, analyse in analyses.items():
        monkeypatch.setattr(
            search_index, name, functools.partial(save_meanwhile, analyse=analyse)
        )
    call_command("search_reindex")
    assert list(article_search("menangkap")) == [story]
    assert not article_search("pasar").exists()


@pytest.mark.django_db
def test_reindex_twice_in_one_transaction_indexes_each_story_by_its_own_text():
    # A migration runs the re-index inside its own transaction.
    stories = [
        ArticleFactory(published=True, title=title)
        for title in ("Pasar murah", "Jembatan gantung", "Festival danau")
    ]
    Article.objects.update(search_vector=None)
    call_command("search_reindex", batch_size=1)
    call_command("search_reindex", batch_size=2)
    assert list(article_search("jembatan")) == [stories[1]]
    assert list(article_search("festival")) == [stories[2]]
    assert known_words(["pasar", "gantung", "danau"]) == {"pasar", "gantung", "danau"}
