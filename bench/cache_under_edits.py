"""The page cache while the newsroom works (issue 9, item 4).

Against a running Warta server, three runs of the same readers (``wrk``, 50
connections over the home page, the newest stories, their categories and
tags, the feed and a search):

1. readers alone;
2. readers while a draft is saved every 2 s;
3. readers while four editors each save a published story every 3 s.

It reports, per run, requests per second, p50 and p99 latency, and the share
of pages served from the cache (``X-Warta-Cache: hit`` or ``stale``), and
checks the targets: with drafts saved, >= 99.9 % from the cache and p99 under
3x the readers-alone p99; with editors saving, readers keep >= 50 % of their
throughput.

Editors save through the ORM as the admin's story form does (one transaction:
the story, its unchanged tags, a revision), so this process needs the
server's environment (``DATABASE_URL``, ``REDIS_URL``, ``SECRET_KEY`` ...):
the invalidations must reach the server's cache, so ``REDIS_URL`` is
required. The stories it changes get their summary back at the end and the
draft it makes is deleted.

    python bench/cache_under_edits.py --base-url http://127.0.0.1:8000 \\
        --duration 30 [--json results.json] [--check]
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connections, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article  # noqa: E402
from articles.revisions import revision_record  # noqa: E402
from portal.caching import pages_generation  # noqa: E402

WRK = shutil.which("wrk") or "wrk"
WRK_SCRIPT = """
local paths = {%(paths)s}
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  hits, stale, misses, other = 0, 0, 0, 0
  n = math.random(#paths)
end
function request()
  n = n %% #paths + 1
  return wrk.format("GET", paths[n])
end
function response(status, headers, body)
  local state = headers["X-Warta-Cache"]
  if status ~= 200 then other = other + 1
  elseif state == "hit" then hits = hits + 1
  elseif state == "stale" then stale = stale + 1
  elseif state == "miss" then misses = misses + 1
  else other = other + 1 end
end
function done(summary, latency, requests)
  local h, s, m, o = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    h = h + t:get("hits"); s = s + t:get("stale")
    m = m + t:get("misses"); o = o + t:get("other")
  end
  local e = summary.errors
  io.write(string.format("WARTA %%d %%d %%d %%d %%d %%d %%d %%d %%d\\n", h, s, m, o,
    summary.requests, summary.duration, latency:percentile(50),
    latency:percentile(99), e.connect + e.read + e.write + e.timeout + e.status))
end
"""


def reader_paths(stories):
    """What readers ask for: the newest stories and the pages around them."""
    newest = list(
        Article.objects.visible()
        .select_related("category")
        .order_by("-published_at")[:stories]
    )
    paths = ["/", "/", "/feed/", "/cari/?q=pilkada"]
    paths += [story.get_absolute_url() for story in newest]
    categories = {s.category.get_absolute_url() for s in newest if s.category}
    paths += sorted(categories)[:4]
    tags = {tag.slug for story in newest[:5] for tag in story.tags.all()}
    paths += [f"/tag/{slug}/" for slug in sorted(tags)[:3]]
    return paths


def run_readers(base_url, paths, seconds, connections_, threads):
    """Run wrk; {'rps', 'p50_ms', 'p99_ms', 'hits', 'stale', 'misses', ...}."""
    script = WRK_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths)}
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
        lua.write(script)
        lua.flush()
        output = subprocess.run(  # noqa: S603 - wrk from PATH, our own arguments
            [
                WRK,
                f"-t{threads}",
                f"-c{connections_}",
                f"-d{seconds}s",
                "--timeout",
                "10s",
                "-s",
                lua.name,
                base_url,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    line = re.search(r"^WARTA (.*)$", output, re.M).group(1)
    hits, stale, misses, other, requests, micros, p50, p99, errors = map(
        int, line.split()
    )
    cached = hits + stale
    return {
        "requests": requests,
        "rps": round(requests / (micros / 1e6), 1),
        "p50_ms": round(p50 / 1000, 2),
        "p99_ms": round(p99 / 1000, 2),
        "hits": hits,
        "stale": stale,
        "misses": misses,
        "not_200": other,
        "errors": errors,
        "cached_share": cached / max(1, cached + misses),
    }


class Editor(threading.Thread):
    """Saves one story every ``every`` seconds until stopped, as the admin's
    story form does; counts its saves."""

    def __init__(self, story_pk, user, every, offset, stop):
        super().__init__(daemon=True)
        self.story_pk, self.user, self.every = story_pk, user, every
        self.offset, self.stop, self.saves = offset, stop, 0

    def run(self):
        try:
            if self.stop.wait(self.offset):
                return
            while not self.stop.is_set():
                started = time.monotonic()
                with transaction.atomic():
                    story = Article.objects.select_for_update().get(pk=self.story_pk)
                    story.summary = f"Diperbarui {timezone.now():%H:%M:%S.%f}"[:300]
                    story.save()
                    story.tags.set(story.tags.names())  # the form sends them all
                    revision_record(article=story, by=self.user)
                self.saves += 1
                self.stop.wait(max(0, self.every - (time.monotonic() - started)))
        finally:
            connections.close_all()


def with_editors(editors, readers):
    """Run ``readers()`` while ``editors`` save; the readers' results plus
    the saves and page-cache invalidations during them."""
    generation = pages_generation()
    for editor in editors:
        editor.start()
    try:
        result = readers()
    finally:
        for editor in editors:
            editor.stop.set()
        for editor in editors:
            editor.join()
    result["saves"] = sum(editor.saves for editor in editors)
    result["invalidations"] = pages_generation() - generation
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--duration", type=int, default=30, help="seconds per run")
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--stories", type=int, default=20, help="story pages read")
    parser.add_argument("--json", help="write the results to this file")
    parser.add_argument("--check", action="store_true", help="exit 1 on a miss")
    args = parser.parse_args()
    if "redis" not in settings.CACHES["default"]["BACKEND"].lower():
        parser.error("set REDIS_URL as the server has it: saves must reach its cache")

    user = get_user_model().objects.filter(is_superuser=True).first()
    published = list(Article.objects.visible().order_by("-published_at")[:4])
    summaries = {story.pk: story.summary for story in published}
    draft = Article.objects.create(title="Draf uji cache", body="<p>Draf.</p>")
    paths = reader_paths(args.stories)

    def readers():
        return run_readers(
            args.base_url, paths, args.duration, args.readers, args.wrk_threads
        )

    try:
        run_readers(args.base_url, paths, 5, args.readers, args.wrk_threads)  # warm
        alone = with_editors([], readers)
        drafts = with_editors(
            [Editor(draft.pk, user, 2, 0, threading.Event())], readers
        )
        editors = with_editors(
            [
                Editor(story.pk, user, 3, 0.75 * n, threading.Event())
                for n, story in enumerate(published)
            ],
            readers,
        )
    finally:
        for pk, summary in summaries.items():
            Article.objects.filter(pk=pk).update(summary=summary)
        draft.delete()

    checks = {
        "drafts: >= 99.9 % from the cache": drafts["cached_share"] >= 0.999,
        "drafts: p99 < 3x readers alone": drafts["p99_ms"] < 3 * alone["p99_ms"],
        "editors: readers keep >= 50 % of throughput": (
            editors["rps"] >= 0.5 * alone["rps"]
        ),
    }
    results = {
        "base_url": args.base_url,
        "duration_s": args.duration,
        "readers": args.readers,
        "paths": len(paths),
        "runs": {
            "readers alone": alone,
            "draft every 2 s": drafts,
            "4 editors every 3 s": editors,
        },
        "checks": checks,
    }
    print(
        f"{'run':<22}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'cached':>9}"
        f"{'misses':>8}{'saves':>7}{'all-page':>9}{'errors':>8}"
    )
    for name, run in results["runs"].items():
        print(
            f"{name:<22}{run['rps']:>9.0f}{run['p50_ms']:>9.1f}{run['p99_ms']:>9.1f}"
            f"{run['cached_share']:>9.2%}{run['misses']:>8}{run['saves']:>7}"
            f"{run['invalidations']:>9}{run['errors'] + run['not_200']:>8}"
        )
    throughput = editors["rps"] / alone["rps"]
    print(f"readers keep {throughput:.0%} of their throughput while editors save")
    for name, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    if args.check and not all(checks.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
