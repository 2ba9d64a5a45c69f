"""The load test on the real stack (called by tests/stack/run --loadtest).

Runs tests/stack/locustfile.py headless for LOADTEST_DURATION seconds (300
by default) against nginx: 200 readers and 5 editors. Then reports requests,
errors and latency percentiles, and checks, on the database and through
nginx, that

- no request failed and no app server answered 5xx (its request log),
- every editor's last save that succeeded is the text the database holds,
- every story readers may see is in the sitemaps, and every story published
  during the run opens through nginx.

Exits 1 when any check fails. The figures go to $STACK_WORK/loadtest.json.
"""

import csv
import html
import json
import os
import re
import subprocess
import sys
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from articles.models import Article, Category  # noqa: E402
from tests.stack.client import Client  # noqa: E402

WORK = Path(os.environ["STACK_WORK"])
HTTPS = os.environ["STACK_HTTPS"]
DURATION = int(os.environ.get("LOADTEST_DURATION", "300"))
LOCUST = Path(sys.executable).with_name("locust")


def site_map():
    """The addresses readers pick from."""
    stories = [a.get_absolute_url() for a in Article.objects.visible()]
    categories = [f"/kategori/{c.slug}/" for c in Category.objects.all()]
    (WORK / "loadtest-site.json").write_text(
        json.dumps({"stories": stories, "categories": categories})
    )
    return len(stories)


def run_locust():
    command = [
        str(LOCUST),
        "-f",
        str(Path(__file__).with_name("locustfile.py")),
        "--headless",
        "--users=205",
        "--spawn-rate=25",
        f"--run-time={DURATION}s",
        f"--host={HTTPS}",
        f"--csv={WORK / 'locust'}",
        "--only-summary",
        "--stop-timeout=15",
        "--loglevel=WARNING",
    ]
    with open(WORK / "locust.log", "w") as out:
        subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, check=False)


def stats():
    """Locust's figures per page kind and in total."""
    rows = {}
    with open(WORK / "locust_stats.csv") as handle:
        for row in csv.DictReader(handle):
            rows[f"{row['Type']} {row['Name']}".strip()] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": round(float(row["Requests/s"]), 1),
                "p50_ms": row["50%"],
                "p95_ms": row["95%"],
                "p99_ms": row["99%"],
                "max_ms": round(float(row["Max Response Time"])),
            }
    return rows


def server_errors():
    """5xx answers in the app servers' request logs."""
    count = 0
    for name in ("app-a.log", "app-b.log"):
        count += len(re.findall(r" status=5\d\d ", (WORK / name).read_text()))
    return count


def lost_edits():
    """Editors whose last successful save is not what the database holds."""
    lost, checked = [], 0
    for log in sorted((WORK / "edits").glob("*.json")):
        last = json.loads(log.read_text())
        checked += 1
        held = Article.objects.get(pk=last["story"]).body
        if held != last["body"]:
            lost.append(f"{log.stem}: save {last['n']} is not in the database")
    return lost, checked


def missing_stories(published_during_run):
    """Visible stories the sitemaps do not list, and stories published during
    the run that do not open through nginx."""
    reader, listed = Client(HTTPS, origin=HTTPS), set()
    index = reader.get("/sitemap.xml")
    for sitemap in re.findall(r"<loc>([^<]+)</loc>", index.text):
        listed.update(re.findall(r"<loc>([^<]+)</loc>", reader.get(sitemap).text))
    listed = {urllib.parse.urlsplit(url).path for url in listed}
    visible = list(Article.objects.visible())
    missing = [
        f"{a.get_absolute_url()} (not in the sitemap)"
        for a in visible
        if a.get_absolute_url() not in listed
    ]
    for article in published_during_run:
        page = reader.get(article.get_absolute_url())
        if page.status_code != 200 or html.escape(article.title) not in page.text:
            missing.append(f"{article.get_absolute_url()} ({page.status_code})")
    return missing, len(visible)


def main():
    before = site_map()
    visible_before = set(Article.objects.visible().values_list("pk", flat=True))
    print(f"load test: {DURATION} s, 200 readers, 5 editors, {before} stories")
    run_locust()
    figures = stats()
    errors = server_errors()
    lost, editors = lost_edits()
    published_during_run = Article.objects.visible().exclude(pk__in=visible_before)
    missing, visible = missing_stories(list(published_during_run))
    published_now = len(published_during_run)
    width = max(len(name) for name in figures)
    print(f"{'':{width}}  requests  fail   req/s   p50   p95   p99    max (ms)")
    for name, row in figures.items():
        print(
            f"{name:{width}}  {row['requests']:8}  {row['failures']:4}  "
            f"{row['rps']:6}  {row['p50_ms']:>4}  {row['p95_ms']:>4}  "
            f"{row['p99_ms']:>4}  {row['max_ms']:>5}"
        )
    summary = {
        "duration_s": DURATION,
        "stats": figures,
        "server_errors": errors,
        "editors_checked": editors,
        "lost_edits": lost,
        "stories_visible": visible,
        "stories_published_during_run": published_now,
        "stories_missing": missing,
    }
    (WORK / "loadtest.json").write_text(json.dumps(summary, indent=1))
    total = figures.get("Aggregated", {"failures": 1})
    print(
        f"server errors: {errors}; failed requests: {total['failures']}; "
        f"editors' last saves checked: {editors}, lost: {len(lost)}; "
        f"visible stories: {visible} (published during the run: {published_now}), "
        f"missing through nginx: {len(missing)}"
    )
    idle = [
        e["username"]
        for e in json.loads((WORK / "editors.json").read_text())["editors"]
        if not (WORK / "edits" / f"{e['username']}.json").exists()
    ]
    problems = errors or total["failures"] or lost or missing or idle
    if problems:
        for username in idle:
            print(f"  {username} saved nothing during the run (see {WORK}/app-*.log)")
        for line in [*lost, *missing[:10]]:
            print(f"  {line}")
        print(f"locust's own log: {WORK / 'locust.log'}")
        sys.exit(1)
    print("load test passed")


if __name__ == "__main__":
    main()
