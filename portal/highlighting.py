"""Search results marked on the words the reader typed, never on stopwords.

A word of a title or body is marked when it is one of the query's words as
typed or shares its stem (the same analysis as the index, so "penangkapan"
is marked for "tangkap"). Text is escaped word by word before ``<mark>`` is
added; nothing a writer stored reaches the page as markup.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.search_index import plain_text
from articles.textanalysis import word_spans

SNIPPET_WORDS = 30
CONTEXT_BEFORE = 6


def _matcher(query_words):
    exact = {part for word in query_words for part in word.exact}
    stems = {stem for word in query_words for stem in word.stems}

    def matches(word):
        if word.is_stopword:
            return False
        return bool(exact.intersection(word.exact) or stems.intersection(word.stems))

    return matches


def _marked(text, spans, matches):
    """``text`` escaped, with the spans whose word ``matches`` in <mark>."""
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


def snippet(body, query_words, fallback=""):
    """About 30 words of the body around its best match, marked.

    The window is the one that holds the most different query words, so a
    story matching "korupsi haji" shows where both are, not the first "haji".
    Without a match the summary (``fallback``) is shown escaped.
    """
    text = " ".join(plain_text(body).split())
    spans = list(word_spans(text))
    matches = _matcher(query_words)
    hits = [i for i, (_, _, word) in enumerate(spans) if matches(word)]
    if not hits:
        return escape(fallback)
    best, best_count = hits[0], 0
    for first in hits:
        window = {
            spans[i][2].stems
            for i in hits
            if first <= i < first + SNIPPET_WORDS - CONTEXT_BEFORE
        }
        if len(window) > best_count:
            best, best_count = first, len(window)
    start = max(0, best - CONTEXT_BEFORE)
    end = min(len(spans), start + SNIPPET_WORDS)
    begin_char = spans[start][0]
    end_char = spans[end - 1][1] if end < len(spans) else len(text)
    piece = text[begin_char:end_char]
    shifted = [(s - begin_char, e - begin_char, w) for s, e, w in spans[start:end]]
    marked = _marked(piece, shifted, matches)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(spans) else ""
    return mark_safe(f"{prefix}{marked}{suffix}")  # noqa: S308 - escaped above


def highlights_add(articles, query_words):
    """Set ``marked_title`` and ``snippet`` (safe HTML) on each result."""
    for article in articles:
        article.marked_title = marked_title(article.title, query_words)
        article.snippet = snippet(article.body, query_words, article.summary)
    return articles
