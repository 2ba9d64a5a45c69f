"""Indonesian text analysis (articles/textanalysis.py)."""

import pytest

from articles.textanalysis import STOPWORDS, stem, word_spans, words


@pytest.mark.parametrize(
    ("form", "root"),
    [
        ("menangkap", "tangkap"),  # meN- drops the t: restored
        ("ditangkap", "tangkap"),
        ("penangkapan", "tangkap"),
        ("menulis", "tulis"),
        ("mengirim", "kirim"),  # meng- before a dropped k
        ("memperbaiki", "baik"),  # memper- ... -i
        ("diperpanjang", "panjang"),
        ("perekonomian", "ekonomi"),
        ("kebakaran", "bakar"),
        ("bersekolah", "sekolah"),
        ("pemeriksaan", "periksa"),
    ],
)
def test_affixed_forms_meet_at_their_root(form, root):
    assert stem(form) == root


@pytest.mark.parametrize("word", ["periksa", "sekolah", "pertamina", "bupati"])
def test_base_words_and_names_are_left_alone(word):
    assert stem(word) == word


def test_repeated_words_keep_their_parts_and_meet_at_one_stem():
    anak, lari, sayur = words("anak-anak berlari-lari sayur-mayur")
    assert anak.exact == ("anak",) and anak.stems == ("anak",)
    assert lari.exact == ("berlari", "lari") and lari.stems == ("lari",)
    assert sayur.exact == ("sayur", "mayur")


def test_words_are_kept_as_typed_beside_the_stem():
    (kediri,) = words("Kediri")
    assert kediri.exact == ("kediri",)
    assert kediri.stems == ("diri",)


def test_case_and_accents_are_folded():
    assert [w.exact for w in words("PELÉ Jogja")] == [("pele",), ("jogja",)]


def test_stopwords_are_known_and_hold_no_content_word():
    assert {"di", "yang", "dan", "ke", "dari"} <= STOPWORDS
    assert not {"kediri", "haji", "jalan", "baik", "diri"} & STOPWORDS
    di, jogja = words("di Jogja")
    assert di.is_stopword and not jogja.is_stopword


def test_word_spans_point_into_the_original_text():
    text = "Bupati  Kediri, Jawa-Timur!"
    spans = list(word_spans(text))
    assert [text[start:end] for start, end, _ in spans] == [
        "Bupati",
        "Kediri",
        "Jawa-Timur",
    ]


def test_long_tokens_are_not_stemmed():
    token = "memper" + "x" * 60
    assert stem(token) == token
    assert words(token + " jalan")[-1].exact == ("jalan",)
