"""Search results marked on the words the reader typed, never on stopwords.

A word of a title or body is marked when it is one of the query's words as
typed or shares its stem (the same analysis as the index, so "penangkapan"
is marked for "tangkap"). Text is escaped word by word before ``<mark>`` is
added; nothing a writer stored reaches the page as markup.
"""

import re
from itertools import islice

from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.search_index import plain_text
from articles.textanalysis import MAX_WORD_CHARS, WORD, analyze_token, word_spans

SNIPPET_WORDS = 30
CONTEXT_BEFORE = 6
# Snippets come from this much of a body at most (a story runs 2,000-6,000).
MAX_SOURCE_CHARS = 20_000


def _matcher(query_words):
    exact = {part for word in query_words for part in word.exact}
    stems = {stem for word in query_words for stem in word.stems}

    def matches(word):
        if word.is_stopword:
            return False
        return bool(exact.intersection(word.exact) or stems.intersection(word.stems))

    return matches


def _marked(text, spans, matches):
    """``text`` escaped, with the spans whose word (or token) ``matches`` in
    <mark>."""
    out, at = [], 0
    for start, end, word in spans:
        if matches(word):
            out.append(escape(text[at:start]))
            out.append(f"<mark>{escape(text[start:end])}</mark>")
            at = end
    out.append(escape(text[at:]))
    return mark_safe("".join(out))  # noqa: S308 - built from escaped text only


def marked_title(title, query_words):
    """The title, escaped, with the reader's words marked."""
    return _marked(title, list(word_spans(title)), _matcher(query_words))


# A token too long to be a word, in the lines of ``_candidates``.
_LONG = re.compile(f"[^\\n]{{{MAX_WORD_CHARS + 1},}}")


def _line_at(text, at):
    """The line of ``text`` holding the character at ``at``."""
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1 : end if end >= 0 else len(text)]


def _candidates(tokens, query_words):
    """``({token: Word} that may match, tokens word_spans skips)``.

    Each distinct token is looked at once (a body of 600 words has about 300
    distinct ones), and only those holding a query word as typed, or a stem
    without its first letter (meN- and peN- drop it: menangkap, *tangkap*),
    are analysed. The ASCII tokens holding one are found by one search over
    all of them, one a line (needles are words: none spans two lines), not
    by a search per token.
    """
    needles = {part for word in query_words for part in word.exact}
    needles.update(stem[1:] for word in query_words for stem in word.stems)
    may_match = re.compile("|".join(map(re.escape, sorted(needles))))
    distinct = list(set(tokens))
    if not distinct:
        return {}, set()
    blob = "\n".join(distinct)
    others = []
    if not blob.isascii():
        others = [token for token in distinct if not token.isascii()]
        distinct = [token for token in distinct if token.isascii()]
        blob = "\n".join(distinct)
    # Folding ASCII only lowercases it: still a word, of the same length.
    holding = {
        _line_at(blob, found.start()) for found in may_match.finditer(blob.lower())
    }
    skipped = set(_LONG.findall(blob))
    candidates = {
        token: analyze_token(token) for token in holding if token not in skipped
    }
    for token in others:
        if (word := analyze_token(token)) is None:
            skipped.add(token)
        else:
            candidates[token] = word
    return candidates, skipped


def _best_window(hits, stems_of):
    """The first hit of the window of ``SNIPPET_WORDS - CONTEXT_BEFORE`` words
    holding the most different query words."""
    best, best_count = hits[0], 0
    reach = SNIPPET_WORDS - CONTEXT_BEFORE
    for at, first in enumerate(hits):
        window = set()
        for i in hits[at:]:
            if i >= first + reach:
                break
            window.add(stems_of(i))
        if len(window) > best_count:
            best, best_count = first, len(window)
    return best


def snippet(body, query_words, fallback=""):
    """About 30 words of the body around its best match, marked.

    The window is the one that holds the most different query words, so a
    story matching "korupsi haji" shows where both are, not the first "haji".
    Without a match the summary (``fallback``) is shown escaped. Only the
    first ``MAX_SOURCE_CHARS`` characters of the body are read, so a very
    long body costs no more than a long one.
    """
    text = " ".join(plain_text(body)[:MAX_SOURCE_CHARS].split())
    tokens = WORD.findall(text)
    candidates, skipped = _candidates(tokens, query_words)
    matches = _matcher(query_words)
    matching = {token for token, word in candidates.items() if matches(word)}
    if not matching:
        return escape(fallback)
    if skipped:
        tokens = [token for token in tokens if token not in skipped]
    hits = [i for i, token in enumerate(tokens) if token in matching]
    best = _best_window(hits, lambda i: candidates[tokens[i]].stems)
    start = max(0, best - CONTEXT_BEFORE)
    end = min(len(tokens), start + SNIPPET_WORDS)
    found = (m for m in WORD.finditer(text) if m.group() not in skipped)
    shown = list(islice(found, start, end))
    begin_char = shown[0].start()
    end_char = shown[-1].end() if end < len(tokens) else len(text)
    piece = text[begin_char:end_char]
    # A shown word matches when its token does (``matching``): the words
    # that are no candidates cannot, and need no analysis.
    shifted = [(m.start() - begin_char, m.end() - begin_char, m.group()) for m in shown]
    marked = _marked(piece, shifted, matching.__contains__)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(tokens) else ""
    return mark_safe(f"{prefix}{marked}{suffix}")  # noqa: S308 - escaped above


def highlights_add(articles, query_words):
    """Set ``marked_title`` and ``snippet`` (safe HTML) on each result."""
    for article in articles:
        article.marked_title = marked_title(article.title, query_words)
        article.snippet = snippet(article.body, query_words, article.summary)
    return articles
