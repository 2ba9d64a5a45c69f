"""What ``make bench`` requests, chosen from the database being measured.

Run by ``bench/run.py`` with the server's environment (same database, same
SECRET_KEY); prints JSON: the addresses of every public page type, the 200
search queries, the admin's list and search addresses, and a logged-in
editor's session for the admin and the upload. Deterministic for one
database: the same rows give the same choices.
"""

import json
import os
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.generation.text import DISTRICTS, TOPICS, VILLAGES  # noqa: E402
from articles.generation.world import USER_PREFIX  # noqa: E402
from articles.models import (  # noqa: E402
    Agency,
    Article,
    Category,
    Official,
    TaggedArticle,
)
from portal.search_fallbacks import search_outcome  # noqa: E402
from portal.search_query import SearchFilters  # noqa: E402
from portal.selectors import public_tags  # noqa: E402
from portal.sitemaps import SECTIONS  # noqa: E402
from portal.views import PAGE_SIZE  # noqa: E402

# Words nearly every story has (the "kobar": most of the archive).
COMMON = [
    "kobar", "kabupaten", "desa", "masyarakat", "kegiatan", "pemerintah",
    "kotawaringin barat", "program", "warga", "kecamatan", "daerah", "tahun",
    "upaya", "bupati", "dinas",
]  # fmt: skip
RARE = [
    "banjir bandang", "pilkda", "covid", "gempa", "pelabuhan kumai", "sekonyer",
    "tanjung puting", "orangutan", "festival danau", "kapal tenggelam",
    "jembatan gantung", "tenaga honorer", "stunting desa raja", "ppdb 2025 zonasi",
    "harga cabai", "pupuk langka", "operasi zebra telabang", "hut bhayangkara",
    "bank kalteng", "pasar indra kencana",
]  # fmt: skip


def search_queries(rng):
    """200 queries as readers type them: topic words, very common words,
    places, officials' names, event phrases, rare words and typos."""
    topic_words = sorted({tag for topic in TOPICS for tag in topic.tags})
    events = sorted({event for topic in TOPICS for event in topic.events})
    names = list(
        Official.objects.filter(articles__isnull=False)
        .distinct()
        .order_by("pk")
        .values_list("name", flat=True)[:400]
    )
    queries = list(COMMON)
    queries += rng.sample(topic_words, 45)
    queries += [v.lower() for v in rng.sample(VILLAGES, 30)]
    queries += [d.lower() for d in DISTRICTS]
    queries += [n.split(",")[0].lower() for n in rng.sample(names, 35)]
    queries += [" ".join(e.split()[:2]) for e in rng.sample(events, 25)]
    queries += rng.sample(events, 24)
    queries += RARE
    return queries[:200]


def full_pages(visible):
    """Ids of the tags, officials and agencies whose listing's first page is
    full (``portal.views.PAGE_SIZE`` visible stories or more).

    Only these are measured: the ratio of 100,000 to 1,000 stories is meant
    to show what the archive's size costs, and in the 1,000-story newsroom an
    official's page showed 4.7 cards on average and a tag's 3.5, against 11.1
    and 8.3 at 100,000; the difference measured was rendering cards.
    """
    shown = visible.values("pk")
    per_tag = Counter(
        TaggedArticle.objects.filter(content_object__in=shown).values_list(
            "tag_id", flat=True
        )
    )
    per_official = Counter(
        Article.officials.through.objects.filter(article__in=shown).values_list(
            "official_id", flat=True
        )
    )
    # An agency's stories: those it wrote and those it is linked to, once.
    per_agency = Counter(
        agency
        for agency, _story in {
            *visible.exclude(contributing_agency=None).values_list(
                "contributing_agency_id", "pk"
            ),
            *Article.agencies.through.objects.filter(article__in=shown).values_list(
                "agency_id", "article_id"
            ),
        }
    )
    return {
        name: {pk for pk, count in counts.items() if count >= PAGE_SIZE}
        for name, counts in (
            ("tags", per_tag),
            ("officials", per_official),
            ("agencies", per_agency),
        )
    }


def full_searches(queries):
    """The queries whose first page of results is full with every word as
    typed (no suggested words, no "any of the words").

    The ratio between the sizes is taken over the queries full at both
    (``bench/report.py``), as the listings' is over ``full_pages``: at
    1,000 stories most officials' names and many places find a few stories
    or none, and a page with no cards costs less to render whatever the
    archive.
    """
    full = []
    for query in queries:
        outcome = search_outcome(query, SearchFilters())
        if (
            not outcome.suggestion
            and not outcome.any_word
            and len(outcome.page.object_list) == outcome.page.paginator.per_page
        ):
            full.append(query)
    return full


def page_urls(rng):
    visible = Article.objects.visible()
    ids = list(visible.values_list("pk", flat=True))
    stories = list(
        visible.filter(pk__in=rng.sample(ids, min(200, len(ids)))).values_list(
            "slug", flat=True
        )
    )
    # Tags, officials and agencies whose page is full (see ``full_pages``),
    # tags in the order they were made: the head of the long tail first.
    full = full_pages(visible)
    tags = list(
        public_tags()
        .filter(pk__in=full["tags"])
        .order_by("pk")
        .values_list("slug", flat=True)
    )
    # Head and tail of the long tail: the first tags are the common ones.
    chosen_tags = tags[:30] + rng.sample(tags[30:], min(70, max(0, len(tags) - 30)))
    officials = list(
        Official.objects.filter(pk__in=full["officials"])
        .order_by("pk")
        .values_list("slug", flat=True)
    )
    months = sorted(
        {
            (d.year, d.month)
            for d in visible.datetimes(
                "published_at", "month", tzinfo=timezone.get_current_timezone()
            )
        }
    )
    categories = list(Category.objects.values_list("slug", flat=True))
    agencies = list(
        Agency.objects.filter(pk__in=full["agencies"])
        .order_by("pk")
        .values_list("slug", flat=True)
    )
    return {
        "home": ["/"],
        "story": [reverse("portal:detail", args=[s]) for s in stories],
        "category": [reverse("portal:category", args=[s]) for s in categories],
        "tag": [reverse("portal:tag", args=[s]) for s in chosen_tags],
        "agency": [reverse("portal:agency", args=[s]) for s in agencies],
        "official": [
            reverse("portal:official", args=[s])
            for s in rng.sample(officials, min(100, len(officials)))
        ],
        "archive": [f"/arsip/{y}/{m:02d}/" for y, m in months],
        "feed": [reverse("portal:feed")]
        + [reverse("portal:category-feed", args=[s]) for s in categories]
        + [reverse("portal:tag-feed", args=[s]) for s in chosen_tags[:20]]
        + [reverse("portal:agency-feed", args=[s]) for s in agencies[:20]],
        "sitemap-index": [reverse("portal:sitemap-index")],
        "sitemap-berita": [reverse("portal:sitemap-section", args=["berita"])]
        + [
            reverse("portal:sitemap-section", args=["berita"]) + f"?p={page}"
            for page in range(2, SECTIONS["berita"]().paginator.num_pages + 1)
        ][-2:],
        "sitemap-news": [reverse("portal:sitemap-news")],
        "sitemap-other": [
            reverse("portal:sitemap-section", args=[name])
            for name in SECTIONS
            if name != "berita"
        ],
    }


def editor_session():
    """A signed-in editor's session and CSRF cookie, as a browser would have."""
    user = get_user_model().objects.get(username=f"{USER_PREFIX}redaktur")
    client = Client()
    client.force_login(user)
    return {"sessionid": client.cookies["sessionid"].value}


def main():
    rng = random.Random(int(os.environ.get("BENCH_SEED", "1")))
    queries = search_queries(rng)
    urls = page_urls(rng)
    urls["search"] = [reverse("portal:search") + "?" + _q(q) for q in queries]
    admin = reverse("admin:articles_article_changelist")
    urls["admin-list"] = [admin]
    urls["admin-search"] = [
        admin + "?" + _q(q) for q in queries[:5] + queries[-5:] + queries[60:70]
    ]
    json.dump(
        {
            "stories": Article.objects.count(),
            "visible": Article.objects.visible().count(),
            "urls": urls,
            "queries": queries,
            "search_full": full_searches(queries),
            "cookies": editor_session(),
        },
        sys.stdout,
    )


def _q(query):
    from urllib.parse import urlencode

    return urlencode({"q": query})


if __name__ == "__main__":
    main()
