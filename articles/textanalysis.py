"""Indonesian text analysis for search: words, their stems, stopwords.

The same analysis runs on a story when it is indexed and on a reader's query,
on both databases, so "menangkap", "ditangkap" and "penangkapan" meet at
*tangkap* whichever database serves the site.

Each word is kept **as typed** (lowercased, accents folded) beside its
**stem**: an exact match can then rank above a match on the stem only, and a
name the stemmer takes for an affixed word (Kediri -> *diri*, Pertamina) is
still found by its own spelling first.

Stems come from Sastrawi (Nazief-Adriani rules checked against a dictionary of
root words, so a dropped t/k/p/s after meN-/peN- is restored and base words
such as *periksa* or *sekolah* are left alone), cached per word: a story of
a thousand words repeats most of them, and a long-running process meets the
same few tens of thousands of words over and over.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
from Sastrawi.Stemmer.Stemmer import Stemmer
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

# A word: letters and digits, with hyphenated repeats kept whole
# ("anak-anak", "berlari-lari", "covid-19").
_WORD = WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# The combining accents NFKD splits off Latin letters.
_COMBINING = re.compile("[\u0300-\u036f]")
# Longer "words" are links, codes or noise: indexed as typed, never stemmed.
MAX_STEMMED_CHARS = 30
MAX_WORD_CHARS = 60

STOPWORDS = frozenset(
    line.strip()
    for line in (Path(__file__).parent / "data" / "stopwords_id.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
)


@lru_cache(maxsize=1)
def _stemmer():
    return Stemmer(ArrayDictionary(StemmerFactory().get_words_from_file()))


@lru_cache(maxsize=200_000)
def stem(word):
    """The root of one lowercase word ("penangkapan" -> "tangkap")."""
    if len(word) > MAX_STEMMED_CHARS or not word.isalpha() and "-" not in word:
        return word
    return _stemmer().stem_word(word) or word


def _fold(text):
    """Lowercase, accents dropped ("Pelé" -> "pele"), widths unified."""
    text = text.lower()
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


@dataclass(frozen=True)
class Word:
    """One word of a text: its spellings as typed, and its stems."""

    exact: tuple[str, ...]
    stems: tuple[str, ...]

    @property
    def is_stopword(self):
        return all(part in STOPWORDS for part in self.exact)


@lru_cache(maxsize=200_000)
def _analyze_word(token):
    parts = tuple(part for part in token.split("-") if part)
    whole = stem(token) if len(parts) > 1 else stem(parts[0])
    if len(parts) > 1 and "-" in whole:
        # Not a repeat of one root ("sayur-mayur", "covid-19"): each part.
        stems = tuple(dict.fromkeys(stem(part) for part in parts))
    else:
        stems = (whole,)
    return Word(exact=tuple(dict.fromkeys(parts)), stems=stems)


def words(text):
    """The analysed words of ``text``, in order."""
    return [
        _analyze_word(token)
        for token in _WORD.findall(_fold(text or ""))
        if len(token) <= MAX_WORD_CHARS
    ]


def analyze_token(token):
    """The analysed word of one token of ``WORD`` found in unfolded text, or
    None when it is no word once folded (or too long)."""
    folded = _fold(token)
    if len(folded) <= MAX_WORD_CHARS and _WORD.fullmatch(folded):
        return _analyze_word(folded)
    return None


def word_spans(text):
    """``(start, end, Word)`` for each word of ``text``, for marking matches."""
    for match in _WORD.finditer(text or ""):
        word = analyze_token(match.group())
        if word is not None:
            yield match.start(), match.end(), word
