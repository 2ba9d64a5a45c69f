"""Search server time of two code trees side by side, on one database.

    DATABASE_URL=postgres://.../warta_bench_100k WARTA_PAGE_CACHE_SECONDS=0 \
        WARTA_BENCH=true DEBUG=false ... \
        .venv/bin/python bench/search_compare.py BASE_TREE NEW_TREE [--rounds 3]

Serves each tree with gunicorn as ``make bench`` does (deploy/gunicorn.conf.py,
2 workers; ports 8620 and 8621 unless ``--ports``), requests each of
``bench/targets.py``'s 200 search addresses once from both as a warm-up, then
``--rounds`` times from both in turn (the order alternating by round), so
that whatever else the machine runs weighs on both alike. Prints p50, p95
and max of each address's median server time (``Server-Timing``), of all
samples, the most queries, and the load average after each round. A tree
is a checkout with ``.venv`` (``git archive COMMIT | tar -x -C DIR``, then
link the virtualenv).
"""

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")


def serve(tree, port):
    env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2"}
    (ROOT / "bench" / ".data").mkdir(exist_ok=True)
    log = open(ROOT / "bench" / ".data" / f"search-compare-{port}.log", "ab")  # noqa: SIM115
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn
        [f"{tree}/.venv/bin/gunicorn", "newsroom.wsgi",
         "-c", "deploy/gunicorn.conf.py", "--max-requests", "0"],
        env=env, stdout=log, stderr=log, cwd=tree,
    )  # fmt: skip
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn of {tree} did not start")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("new")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--ports", default="8621,8620")
    args = parser.parse_args()
    ports = [int(port) for port in args.ports.split(",")]
    trees = {"base": (args.base, ports[0]), "new": (args.new, ports[1])}
    processes = [serve(tree, port) for tree, port in trees.values()]
    try:
        import django

        django.setup()
        from bench import measure
        from bench.targets import search_queries

        urls = [
            "/cari/?" + urlencode({"q": query})
            for query in search_queries(random.Random(1))
        ]
        sessions = {
            name: measure.Session(f"http://127.0.0.1:{port}")
            for name, (_, port) in trees.items()
        }
        for url in urls:
            for session in sessions.values():
                measure.sample(session, url)
        times = {name: [[] for _ in urls] for name in sessions}
        most = dict.fromkeys(sessions, 0)
        loads = []
        for number in range(args.rounds):
            order = list(sessions) if number % 2 == 0 else list(sessions)[::-1]
            for i, url in enumerate(urls):
                for name in order:
                    sample = measure.sample(sessions[name], url)
                    assert sample["status"] == 200, (url, sample["status"])
                    times[name][i].append(sample["server_ms"])
                    most[name] = max(most[name], sample["queries"])
            loads.append(os.getloadavg()[0])
        for name, per_url in times.items():
            medians = [statistics.median(values) for values in per_url]
            every = [value for values in per_url for value in values]
            print(
                f"{name}: {len(urls)} addresses x {args.rounds}: medians p50 "
                f"{measure.percentile(medians, 0.5):.1f}, p95 "
                f"{measure.percentile(medians, 0.95):.1f}, max {max(medians):.1f} ms;"
                f" all samples p50 {measure.percentile(every, 0.5):.1f}, p95 "
                f"{measure.percentile(every, 0.95):.1f}, max {max(every):.1f} ms;"
                f" queries max {most[name]}"
            )
            slowest = sorted(zip(medians, urls, strict=True), reverse=True)[:5]
            print("  slowest:", ", ".join(f"{url[9:]} {ms:.1f}" for ms, url in slowest))
        print("load average after each round:", ", ".join(f"{x:.2f}" for x in loads))
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
