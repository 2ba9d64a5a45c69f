"""The tables ``make bench`` prints and writes to docs/benchmarks.md."""

import json
from pathlib import Path
from urllib.parse import parse_qs

from measure import percentile

PAGES = [
    ("home", "home", 20),
    ("story", "story", 10),
    ("category", "category", 20),
    ("tag", "tag", 20),
    ("agency", "agency", 20),
    ("official", "official", 20),
    ("archive", "monthly archive", 20),
    ("search", "search (200 queries)", None),
    ("search-full", "search, queries with a full first page at both sizes", None),
    ("feed", "feeds", None),
    ("sitemap-index", "sitemap.xml", None),
    ("sitemap-berita", "sitemap-berita.xml", None),
    ("sitemap-news", "sitemap-news.xml", None),
    ("sitemap-other", "other sitemaps", None),
    ("admin-list", "admin story list", 100),
    ("admin-search", "admin story search", 100),
    ("upload-24mp", "24 MP upload", 1000),
]


def _f(value, digits=1):
    return "–" if value is None else f"{value:,.{digits}f}"


def _share(part, whole):
    """A percentage to one decimal: near a target (14.7 % of a 15 % one) a
    whole number would round a miss into a pass."""
    return f"{part / whole:.1%}" if part is not None and whole else "–"


def load(folder):
    results = {}
    for path in sorted(Path(folder).glob("*.json")):
        data = json.loads(path.read_text())
        results[data["size"]] = data
    return dict(sorted(results.items()))


def _query(path):
    return parse_qs(path.split("?", 1)[-1]).get("q", [""])[0]


def full_searches(results):
    """Server time of the searches whose first page is full at every size
    (``full_searches`` in bench/targets.py), per size; the ratio between the
    sizes is taken on these, as the listings' is on full pages."""
    if not results or any("search_full" not in r for r in results.values()):
        return {}
    full = set.intersection(*(set(r["search_full"]) for r in results.values()))
    summaries = {}
    for size, r in results.items():
        samples = [s for s in r.get("search_samples", []) if _query(s[0]) in full]
        times = [ms for _path, ms, _queries in samples if ms is not None]
        if times:
            summaries[size] = {
                "n": len(times),
                "p50": percentile(times, 0.5),
                "p95": percentile(times, 0.95),
                "queries_max": max(q for _path, _ms, q in samples),
            }
    return summaries


def server_table(results, phase="uncached"):
    sizes = list(results)
    head = ["page"]
    for size in sizes:
        head += [f"{size:,}: p50 ms", "p95 ms", "queries"]
    if len(sizes) > 1:
        head += [f"p50 {sizes[-1]:,} / {sizes[0]:,}"]
    head += ["target p50 ms"]
    rows = [head, ["---"] * len(head)]
    full = full_searches(results) if phase == "uncached" else {}
    for key, name, target in PAGES:
        row = [name]
        p50s = []
        for size in sizes:
            if key == "search-full":
                s = full.get(size)
            else:
                s = results[size].get(phase, {}).get(key)
            if not s:
                row += ["–", "–", "–"]
                p50s.append(None)
                continue
            row += [_f(s["p50"]), _f(s["p95"]), f"{s['queries_max']}"]
            p50s.append(s["p50"])
        if len(sizes) > 1:
            ok = p50s[0] and p50s[-1]
            row.append(f"{p50s[-1] / p50s[0]:.2f}×" if ok else "–")
        row.append(f"≤ {target}" if target and phase == "uncached" else "")
        rows.append(row)
    return "\n".join("| " + " | ".join(r) + " |" for r in rows)


def throughput_table(results):
    rows = [
        "| stories | uncached story | uncached home | uncached search | cached story | "
        "cached home | Django ceiling | nginx file | uncached story / ceiling "
        "(target ≥ 15 %) | cached story / ceiling (target ≥ 80 %) | ceiling / nginx |",
        "|" + "---|" * 11,
    ]
    for size, r in results.items():
        u, c, n = r["wrk_uncached"], r["wrk_cached"], r["wrk_nginx"]
        ceiling = u["ceiling"]["rps"] or None
        cached_ceiling = c["ceiling"]["rps"] or None
        rows.append(
            f"| {size:,} | {_f(u['story']['rps'], 0)} | {_f(u['home']['rps'], 0)} | "
            f"{_f(u['search']['rps'], 0)} | {_f(c['story']['rps'], 0)} | "
            f"{_f(c['home']['rps'], 0)} | {_f(ceiling, 0)} | {_f(n['rps'], 0)} | "
            f"{_share(u['story']['rps'], ceiling)} | "
            f"{_share(c['story']['rps'], cached_ceiling)} | "
            f"{_share(ceiling, n['rps'])} |"
        )
    return "\n".join(rows)


def search_lines(results):
    lines = []
    for size, r in results.items():
        s = r["uncached"]["search"]
        slow = sorted(r.get("search_samples", []), key=lambda x: -(x[1] or 0))[:5]
        listed = ", ".join(
            f"`{p.split('q=', 1)[-1]}` {_f(ms)} ms" for p, ms, _q in slow
        )
        lines.append(
            f"- {size:,} stories: p50 {_f(s['p50'])} ms, p95 {_f(s['p95'])} ms "
            f"(target ≤ 50), max {_f(s['max'])} ms over {s['n']} queries; "
            f"slowest: {listed}"
        )
    full = full_searches(results)
    if len(full) > 1:
        first, last = full[min(full)], full[max(full)]
        lines.append(
            f"- {first['n']} of the queries have a full first page at every size "
            f"(`full_searches` in bench/targets.py): p50 {_f(first['p50'])} → "
            f"{_f(last['p50'])} ms, {last['p50'] / first['p50']:.2f}× (their row "
            "in the table above)"
        )
    return "\n".join(lines)


def other_lines(results):
    lines = []
    for size, r in results.items():
        up = r["uncached"].get("upload-24mp", {})
        rss = r.get("upload_rss_mb", {})
        hits = r.get("cache_hits", {})
        statuses = sorted({st for s in r["uncached"].values() for st in s["statuses"]})
        lines.append(
            f"- {size:,} stories ({r['visible']:,} visible), measured {r['when']} "
            f"at commit {r.get('commit', '?')[:10]}: 24 MP upload p50 "
            f"{_f(up.get('p50'))} ms (max {_f(up.get('max'))} ms), gunicorn "
            f"worker peak RSS {rss.get('before')} MB before the uploads, "
            f"{rss.get('after')} MB after; cached pages answered as hits: "
            f"{min(hits.values()) if hits else 0:.0%} or more per page type; "
            f"HTTP statuses seen: {statuses}; {_worker(r)}; load average at start "
            f"{', '.join(f'{x:.1f}' for x in r['machine']['load_average'])}"
        )
        read = r.get("blocks_read")
        if read:
            lines.append(
                f"  - PostgreSQL read {read['blocks']:,} blocks into its buffers "
                f"during the {read['requests']:,} uncached requests measured "
                f"(shared_buffers {r['machine'].get('shared_buffers', '?')}); "
                "many means the pages waited on the operating system's cache "
                "([deployment.md](deployment.md#postgresql))"
            )
        if r.get("note"):
            lines.append(f"  - Note: {r['note']}")
        under = r.get("cache_under_edits")
        if under:
            lines.append(
                f"  - bench/cache_under_edits.py (exit {under['returncode']}):\n\n"
                + "\n".join("        " + x for x in under["output"].splitlines()[-20:])
            )
    return "\n".join(lines)


def _worker(result):
    worker = result.get("renditions_worker")
    if not worker:
        return "the worker's renditions not measured"
    return (
        f"the worker made the renditions in {_f(worker['seconds'], 2)} s "
        f"with peak RSS {_f(worker['max_rss_mb'], 0)} MB (target ≤ 150)"
    )


def print_size(result):
    print(server_table({result["size"]: result}))
    print()


def print_ratios(folder):
    results = load(folder)
    print(server_table(results))
    print()
    print(throughput_table(results))
    print()
    print(search_lines(results))


def write_docs(folder, path):
    results = load(folder)
    machine = next(iter(results.values()))["machine"] if results else {}
    text = TEMPLATE.format(
        machine=", ".join(
            f"{k} {v}" for k, v in machine.items() if k != "load_average"
        ),
        uncached=server_table(results, "uncached"),
        cached=server_table(results, "cached"),
        throughput=throughput_table(results),
        search=search_lines(results),
        other=other_lines(results),
    )
    path = Path(path)
    old = path.read_text() if path.exists() else "# Benchmarks\n\n" + START + END
    if START not in old or END not in old:
        raise SystemExit(f"{path} has lost its {START} ... {END} markers")
    head, rest = old.split(START, 1)
    path.write_text(head + START + "\n" + text + END + rest.split(END, 1)[1])


# The part of docs/benchmarks.md this script writes; the sections after it
# (the photo upload, the page cache while editing, the load test, search
# indexing) are written by hand from their own scripts.
START = "<!-- written by make bench (bench/report.py) -->"
END = "<!-- end of what make bench writes -->\n"


TEMPLATE = """\
`make bench` measures Warta on PostgreSQL with a generated newsroom of 1,000
and of 100,000 stories, served as in production. This page is written by
`bench/run.py`; the raw figures are in `bench/results/`. Rerun it after a
change that could move them (`BENCH_SIZES=1000 make bench` for a quick try;
the 100,000-story database takes about five minutes to build the first time
on an idle machine, and is reused afterwards).

## How the figures are made

- **Data**: `manage.py generate_newsroom --stories N --seed 1` in the
  database `warta_bench_<1k|100k>` (built once, reused while it holds N
  stories; `VACUUM ANALYZE` after building). See
  [the generator](#the-generated-newsroom).
- **Server**: gunicorn with `deploy/gunicorn.conf.py`, 2 sync workers,
  `DEBUG=false`, the Redis cache (db 3), static files collected. With
  `WARTA_BENCH=true`, `newsroom.benchmark.ServerTimingMiddleware` (first in
  the middleware) adds `Server-Timing: app;dur=…` and `X-Queries: n` to each
  response: the **server time** is the time inside Django, the **queries**
  every SQL statement of the request.
- **Uncached**: the same server with `WARTA_PAGE_CACHE_SECONDS=0`, so every
  public page is built (the page cache is off: not asked at all). Each page
  type is requested one request at a time, up to 60 different addresses per
  type (all 200 searches), after a warm-up that requests every address
  once (as a server that has been answering for a while: the workers'
  imports, and PostgreSQL's buffers holding what these pages read); the
  tables give p50 and p95 server time and the most queries any request of
  the type made. How much stays in PostgreSQL's buffers depends on its
  `shared_buffers`, given with the machine above: at 100,000 stories the
  database is ~1.4 GB, and with the default 128 MB a page read ~300 blocks
  from the operating system's cache
  ([deployment.md](deployment.md#postgresql)). The blocks PostgreSQL read
  into its buffers during the measured requests are given below, under
  "Other figures".
- **Cached**: page cache on (300 s); every address is requested once to fill
  it, then measured again.
- **req/s**: `wrk -t2 -c8 -d10s --timeout 10s`, cycling through 200 story
  addresses (or the 200 searches), on the same machine as the server.
  gunicorn runs with `--max-requests 0` here: with the deployed
  `max_requests = 2000`, at cached rates both workers restart every few
  seconds and the run measured the restarts (a cached-page ceiling run
  once got no answer at all for 5 s).
- **References**, in the same run on the same server: the framework's
  ceiling, `/bench/ceiling/`, a fixed 20 KB page through the same middleware
  (no database, no template), and nginx (2 workers, its own configuration on
  the bench port) serving the same 20 KB as a file.
- **24 MP upload**: three different 6000 × 4000 JPEGs posted to the editor's
  upload endpoint (`/editor/upload/`) as a signed-in editor; peak RSS is the
  gunicorn workers' `VmHWM`. The request only checks and stores the photo;
  the background worker (`manage.py db_worker --batch`, in a process of its
  own, as `bench/photo_upload.py` runs it) then makes the renditions, and
  its peak RSS is its `VmHWM`.
- **Admin**: the story list and 20 searches as the generated editor.
- **Listings**: the tags, officials and agencies measured are those whose
  first page is full (12 visible stories or more) in that newsroom
  (`full_pages` in `bench/targets.py`): in the 1,000-story newsroom an
  official's page had shown 4.7 cards on average and a tag's 3.5, against
  11.1 and 8.3 at 100,000, so the ratio between the sizes measured cards,
  not the archive. For the same reason the ratio of search is also given
  over the queries whose first page is full at both sizes, with the words
  as typed (`full_searches`): at 1,000 stories many of the 200 find a few
  stories or none.

Needs a PostgreSQL server (`BENCH_PG`, default
`postgres://postgres@127.0.0.1:5432`, allowed to create databases) and
Redis (`BENCH_REDIS`, default `redis://127.0.0.1:6379/3`; the bench empties
that db). `make bench` installs the Python packages and, when missing,
`wrk`, `nginx` and `postgresql-client` with apt. Other settings:
`BENCH_SIZES` (`1000,100000`), `BENCH_SECONDS` (10 per wrk run),
`BENCH_EDIT_SECONDS` (30 per run of the cache under edits),
`BENCH_REQUESTS` (60 per page type), `BENCH_PORT` (8200; nginx on the next
port), `BENCH_DATA` (`bench/.data`: media, static files, logs), `BENCH_NOTE`
(a remark stored with the results).

Machine: {machine}. The machine is shared: other work may run at the same
time (the load average at the start of each run is recorded below), so
compare ratios within one run rather than absolute figures across runs.

## Server time, page cache off

{uncached}

## Server time, page cache on

{cached}

## Search

{search}

## Throughput (req/s)

{throughput}

## Other figures

{other}

## The generated newsroom

`generate_newsroom` (in `articles/generation/`) inserts in batches: 10
rubrics, about sixty agencies (Pemkab, dinas and badan, kecamatan, Polres
with its Polsek, Kodim, KPU, Bawaslu, courts), about three hundred officials
whose dated positions hand over every few years (sometimes through an acting
Plt.), a few thousand tags with a Zipf-like long tail, a pool of 30 photos
drawn with Pillow and stored through `photo_create` (real renditions; 0-3
officials in each at kiri/tengah/kanan), and the stories: 300-800 words of
Indonesian from Warta's own word lists, 1-4 photos, tags, officials,
agencies, "Baca Juga", published over two to ten years (about 27 a day at
100,000), with some drafts, stories in review, scheduled and taken-down
ones, revisions for some and the fingerprints Warta records. The search
index is then derived for every story by `search_index.reindex`, as
`manage.py search_reindex` does.
"""
