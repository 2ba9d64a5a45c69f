"""Relevance of the search page's results, on whichever database the run uses.

Builds the newsroom of ``corpus.py``, asks every query the way the search page
does (all words, the suggestion, any word: ``search_outcome``) and scores
where the first story that must come first lands: mean reciprocal rank over
all queries and per query type, and the share of queries finding nothing.
Run with ``-s`` to see the table.
"""

from collections import defaultdict

import pytest

from portal.search import SearchFilters
from portal.search_fallbacks import search_outcome
from tests.support.factories import AgencyFactory, ArticleFactory, CategoryFactory

from .corpus import QUERIES, STORIES

pytestmark = pytest.mark.django_db
MIN_MRR = 0.90
MAX_ZERO_SHARE = 0.02
RANKS_READ = 10


@pytest.fixture
def newsroom():
    category = CategoryFactory()
    agency = AgencyFactory()
    return {
        ArticleFactory(
            published=True,
            title=title,
            summary=summary,
            body=f"<p>{body}</p>",
            category=category,
            contributing_agency=agency,
        ).pk: key
        for key, (title, summary, body) in STORIES.items()
    }


def ranked_keys(newsroom, query):
    outcome = search_outcome(query, SearchFilters())
    return [
        newsroom[pk] for pk in outcome.results.values_list("pk", flat=True)[:RANKS_READ]
    ]


def reciprocal_rank(ranked, wanted):
    for position, key in enumerate(ranked, start=1):
        if key in wanted:
            return 1 / position
    return 0.0


def test_corpus_queries_name_stories_that_exist():
    for _, query, wanted in QUERIES:
        assert wanted <= STORIES.keys(), query


def test_mean_reciprocal_rank_and_zero_results(newsroom):
    by_type = defaultdict(list)
    zero, misses = 0, []
    for kind, query, wanted in QUERIES:
        ranked = ranked_keys(newsroom, query)
        zero += not ranked
        score = reciprocal_rank(ranked, wanted)
        by_type[kind].append(score)
        if score < 1:
            misses.append(f"  {query!r}: {ranked[:3]} (want {sorted(wanted)})")
    scores = [score for kind_scores in by_type.values() for score in kind_scores]
    overall = sum(scores) / len(scores)
    report = [f"MRR {overall:.3f} over {len(scores)} queries; zero results: {zero}"]
    report += [
        f"  {kind}: MRR {sum(s) / len(s):.3f} ({len(s)} queries)"
        for kind, s in by_type.items()
    ]
    report += ["not first:", *misses]
    print("\n".join(report))
    assert overall >= MIN_MRR, "\n".join(report)
    for kind, kind_scores in by_type.items():
        assert sum(kind_scores) / len(kind_scores) >= MIN_MRR, (kind, report)
    assert zero / len(QUERIES) <= MAX_ZERO_SHARE, "\n".join(report)


def test_a_name_ranks_above_what_the_stemmer_leaves_of_it(newsroom):
    ranked = ranked_keys(newsroom, "Kediri")
    # Both are found (the stem is shared), the one naming Kediri first.
    assert ranked.index("kediri") < ranked.index("diri")
    for name, leftover in [("bekasi", "bekas"), ("pemalang", "malang")]:
        ranked = ranked_keys(newsroom, name)
        assert ranked[0] == name
        assert leftover not in ranked[:1]
