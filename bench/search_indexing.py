"""Search indexing and search speed on a generated archive.

    DEBUG=true DATABASE_URL=... .venv/bin/python bench/search_indexing.py \
        --stories 100000

Writes ``--stories`` published stories of about 350 words (sentences of
Indonesian news, and words built from Sastrawi's root list with the common
affixes, drawn as often as words are in real text, Zipf's law) with ``bulk_create``,
which skips ``Article.save`` and so leaves them unindexed; then times

1. the analysis alone (``index_value``) per story, with a cold and a warm
   stem cache;
2. ``search_reindex``'s work over the whole archive;
3. the search page's work (``search_outcome``, the first page, marks) for
   queries that match, that need the any-word fallback and that carry a
   typo, 20 times each: median and p95.

Use a database of its own: it adds stories and never removes them.
"""

import argparse
import itertools
import os
import random
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # noqa: E402

from articles import textanalysis  # noqa: E402
from articles.models import Article  # noqa: E402
from articles.search_index import index_value, reindex  # noqa: E402
from portal.highlighting import highlights_add  # noqa: E402
from portal.search import SearchFilters  # noqa: E402
from portal.search_fallbacks import search_outcome  # noqa: E402
from tests.portal.relevance.corpus import STORIES  # noqa: E402

PREFIXES = ["", "", "me", "mem", "men", "meng", "di", "ber", "ter", "pe", "pen", "ke"]
SUFFIXES = ["", "", "", "kan", "an", "i", "nya"]
QUERIES = {
    "match": ["pengamanan pilkada", "harga sayur", "jembatan kediri", "banjir"],
    "any word": ["jembatan kalong sumenep", "korupsi pasar lereng"],
    "typo": ["tambnag pasir", "kebakran pasar", "vaksinsi polio"],
}


def story_texts(count, seed=1):
    rng = random.Random(seed)
    roots = [w for w in StemmerFactory().get_words_from_file() if w.isalpha()]
    # Word forms used as often as in real text: the n-th most common about
    # 1/n as often as the first (Zipf), over 60,000 forms.
    forms = [
        rng.choice(PREFIXES) + rng.choice(roots) + rng.choice(SUFFIXES)
        for _ in range(60_000)
    ]
    weights = list(itertools.accumulate(1 / rank for rank in range(1, 60_001)))
    sentences = [s for _, summary, body in STORIES.values() for s in (summary, body)]
    for number in range(count):
        words = []
        while len(words) < 350:
            if rng.random() < 0.3:
                words.extend(rng.choice(sentences).split())
            else:
                words.extend(rng.choices(forms, cum_weights=weights, k=20))
        title = " ".join(rng.choice(sentences).split()[:8]) + f" {number}"
        yield title, " ".join(words[:25]), "<p>" + " ".join(words) + "</p>"


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def analysis(vendor, texts):
    textanalysis.stem.cache_clear()
    textanalysis._analyze_word.cache_clear()
    _, cold = timed(lambda: [index_value(vendor, *t) for t in texts])
    _, warm = timed(lambda: [index_value(vendor, *t) for t in texts])
    return cold / len(texts) * 1000, warm / len(texts) * 1000


def write(count):
    now = timezone.now()
    batch = []
    for number, (title, summary, body) in enumerate(story_texts(count)):
        batch.append(
            Article(
                title=title,
                slug=f"bench-search-{now.timestamp():.0f}-{number}",
                summary=summary,
                body=body,
                status=Article.Status.PUBLISHED,
                published_at=now - timezone.timedelta(minutes=number),
            )
        )
        if len(batch) == 1000:
            Article.objects.bulk_create(batch)
            batch = []
    Article.objects.bulk_create(batch)


def search_page(query):
    outcome = search_outcome(query, SearchFilters())
    page = outcome.page
    highlights_add(page.object_list, outcome.words)
    return page.paginator.count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stories", type=int, default=10_000)
    stories = parser.parse_args().stories
    vendor = connection.vendor
    print(f"database: {vendor}, stories to add: {stories}")
    cold, warm = analysis(vendor, list(story_texts(1000, seed=2)))
    print(f"analysis per story: {cold:.2f} ms (cold stem cache), {warm:.2f} ms (warm)")
    _, seconds = timed(write, stories)
    print(f"written (unindexed) in {seconds:.0f} s")
    total = Article.objects.count()
    count, seconds = timed(reindex, Article.objects.all(), vendor=vendor)
    print(
        f"reindexed {count} stories in {seconds:.0f} s "
        f"({seconds / count * 1000:.2f} ms per story; "
        f"100,000 would take {seconds / count * 100_000 / 60:.1f} min)"
    )
    assert count == total
    for kind, queries in QUERIES.items():
        times = []
        for _ in range(20):
            for query in queries:
                _, seconds = timed(search_page, query)
                times.append(seconds * 1000)
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(
            f"search ({kind}): median {statistics.median(times):.1f} ms, "
            f"p95 {p95:.1f} ms"
        )


if __name__ == "__main__":
    main()
