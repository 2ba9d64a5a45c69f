"""The search page's server time over ``make bench``'s 200 search queries.

    DATABASE_URL=postgres://.../warta_bench_100k WARTA_BENCH=true \
        WARTA_PAGE_CACHE_SECONDS=0 DEBUG=false ... \
        .venv/bin/python bench/search_speed.py [--rounds 3] [--profile N]

In process: the Django test client through the whole middleware stack, the
server time and query count read from ``newsroom.benchmark``'s headers. The
queries are ``bench/targets.py``'s (same seed, same database, same choices).
One warm-up round, then ``--rounds`` rounds; each query's median over the
rounds is one sample. Prints p50, p95, max, the most queries, the load
average and the slowest queries. ``--profile N`` profiles N queries instead
(cProfile, sorted by cumulative time).
"""

import argparse
import cProfile
import logging
import os
import pstats
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()
logging.disable(logging.INFO)  # the request log of every request

from django.core.cache import caches  # noqa: E402
from django.test import Client  # noqa: E402

from bench.targets import search_queries  # noqa: E402


def timed(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    app = response["Server-Timing"].split(",")[0].split("=")[1]
    return float(app), int(response["X-Queries"])


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--profile", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sort", default="cumulative", help="of the profile")
    args = parser.parse_args()
    queries = search_queries(random.Random(args.seed))
    urls = ["/cari/?" + urlencode({"q": query}) for query in queries]
    client = Client()
    for url in urls:  # warm-up: stems cached, plans and pages in memory
        timed(client, url)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for url in urls[: args.profile]:
            client.get(url)
        profiler.disable()
        pstats.Stats(profiler).sort_stats(
            os.environ.get("SORT", "cumulative")
        ).print_stats(int(os.environ.get("ROWS", "45")))
        return
    samples = {url: [] for url in urls}
    most_queries = {}
    for _ in range(args.rounds):
        for url in urls:
            caches["default"].clear()
            ms, queries_run = timed(client, url)
            samples[url].append(ms)
            most_queries[url] = max(most_queries.get(url, 0), queries_run)
            time.sleep(0.002)
    medians = {url: statistics.median(values) for url, values in samples.items()}
    values = list(medians.values())
    print(
        f"{len(values)} queries x {args.rounds} rounds: "
        f"p50 {percentile(values, 0.5):.1f} ms, p95 {percentile(values, 0.95):.1f} "
        f"ms, max {max(values):.1f} ms, queries max {max(most_queries.values())}; "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    for url, ms in sorted(medians.items(), key=lambda item: -item[1])[:12]:
        print(f"  {ms:7.1f} ms  {most_queries[url]:2d} q  {url}")


if __name__ == "__main__":
    main()
