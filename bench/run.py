"""``make bench``: Warta measured on PostgreSQL at 1,000 and 100,000 stories.

For each size in BENCH_SIZES (default ``1000,100000``) it builds or reuses
the database ``warta_bench_<size>`` (``generate_newsroom``), serves it with
gunicorn as in production (deploy/gunicorn.conf.py, DEBUG off, 2 workers,
the Redis cache) and measures, first with the page cache off and then on:
every public page type, 200 searches, the admin's story list and search and
a 24 MP upload (server time and queries from the ``Server-Timing`` and
``X-Queries`` headers of ``newsroom.benchmark``), and req/s with ``wrk``;
with the same server the framework's ceiling (a fixed 20 KB page through
the same middleware) and nginx serving that page as a file. Results go to
bench/results/<size>.json and docs/benchmarks.md (see bench/report.py).
"""

import datetime
import json
import os
import platform
import random
import secrets
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure  # noqa: E402
import photo_upload  # noqa: E402
import report  # noqa: E402
import servers  # noqa: E402
from servers import ROOT, Gunicorn, Nginx, log, manage, wrk  # noqa: E402

SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,100000").split(",")]
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
# Each of bench/cache_under_edits.py's three runs (readers alone, with a
# draft saved every 2 s, with four editors saving).
EDIT_SECONDS = int(os.environ.get("BENCH_EDIT_SECONDS", "30"))
PER_TYPE = int(os.environ.get("BENCH_REQUESTS", "60"))
PORT = int(os.environ.get("BENCH_PORT", "8200"))
SEED = int(os.environ.get("BENCH_SEED", "1"))
DATA = Path(os.environ.get("BENCH_DATA", ROOT / "bench" / ".data")).resolve()
RESULTS = ROOT / "bench" / "results"
os.environ.setdefault("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/3")
CEILING = "/bench/ceiling/"


def label(size):
    return f"{size // 1000}k" if size % 1000 == 0 and size >= 1000 else str(size)


def server_env(size):
    database = f"warta_bench_{label(size)}"
    return database, {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WARTA_SITE_URL": f"http://127.0.0.1:{PORT}",
        "DATABASE_URL": os.environ["BENCH_PG"].rstrip("/") + "/" + database,
        "REDIS_URL": REDIS,
        "MEDIA_ROOT": str(DATA / "media"),
        "STATIC_ROOT": str(DATA / "static"),
        "WARTA_PRIVATE_MEDIA_ROOT": str(DATA / "private"),
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        # The admin is measured with a session made by bench/targets.py.
        "WARTA_REQUIRE_2FA": "false",
        "WARTA_BENCH": "true",
        "GUNICORN_WORKERS": "2",
    }


def redis_flush():
    import redis

    redis.Redis.from_url(REDIS).flushdb()


def targets(env):
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "targets.py")],
        env={**env, "BENCH_SEED": str(SEED)},
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if out.returncode:
        raise RuntimeError(f"bench/targets.py failed:\n{out.stderr}")
    return json.loads(out.stdout)


def public(urls):
    return {k: v for k, v in urls.items() if not k.startswith("admin")}


def uncached_phase(env, found, result):
    rng = random.Random(SEED)
    urls = found["urls"]
    csrf = secrets.token_hex(16)
    # Pages another run cached (the generation key is shared) must not answer.
    redis_flush()
    with Gunicorn(
        {**env, "WARTA_PAGE_CACHE_SECONDS": "0"}, PORT, DATA / "gunicorn.log"
    ) as server:
        reader = measure.Session(server.url)
        # Every page once before measuring, as a server that has been
        # answering for a while: both workers' imports, and PostgreSQL's
        # buffers holding what these pages read (how much stays depends on
        # shared_buffers: docs/deployment.md, "PostgreSQL").
        log("uncached: every page once (warm-up)")
        for paths in public(urls).values():
            for path in paths:
                reader.request("GET", path)
        log("uncached: every page type, one request at a time")
        before = blocks_read(result["database"])
        samples = measure.page_types(reader, public(urls), per_type=PER_TYPE, rng=rng)
        result["blocks_read"] = {
            "blocks": blocks_read(result["database"]) - before,
            "requests": sum(len(v) for v in samples.values()),
        }
        editor = measure.Session(server.url, {**found["cookies"], "csrftoken": csrf})
        # Warm both workers' admin (sync workers close every connection, so
        # either may answer): a worker's first admin page took 300 ms more.
        for path in urls["admin-list"] * 4 + urls["admin-search"][:4]:
            editor.request("GET", path)
        samples["admin-list"] = [
            measure.sample(editor, urls["admin-list"][0]) for _ in range(20)
        ]
        samples["admin-search"] = [
            measure.sample(editor, p) for p in urls["admin-search"]
        ]
        log("uncached: 24 MP uploads")
        before = measure.max_rss_mb(server.worker_pids())
        samples["upload-24mp"] = [
            measure.upload(
                editor, measure.photo_24mp(f"{SEED}-{n}-{secrets.token_hex(4)}"), csrf
            )
            for n in range(3)
        ]
        result["upload_rss_mb"] = {
            "before": before,
            "after": measure.max_rss_mb(server.worker_pids()),
        }
        log("the worker makes the uploads' renditions (db_worker --batch)")
        result["renditions_worker"] = renditions_worker(env, result["database"])
        result["uncached"] = {k: measure.summary(v) for k, v in samples.items()}
        result["search_samples"] = [
            (s["path"], s["server_ms"], s["queries"]) for s in samples["search"]
        ]
        log("uncached: wrk")
        result["wrk_uncached"] = {
            "story": wrk(server.url, urls["story"], DATA, seconds=SECONDS),
            "home": wrk(server.url, urls["home"], DATA, seconds=SECONDS),
            "search": wrk(server.url, urls["search"], DATA, seconds=SECONDS),
            "ceiling": wrk(server.url, [CEILING], DATA, seconds=SECONDS),
        }


def blocks_read(database):
    """Blocks PostgreSQL has read into its buffers for ``database`` so far
    (from the operating system or the disk): what the pages read that was
    not already in ``shared_buffers``."""
    return int(
        servers.psql(
            f"SELECT blks_read FROM pg_stat_database WHERE datname = '{database}'"
        )
    )


def renditions_worker(env, database):
    """Run the background worker over the queued rendition tasks, in a
    process of its own: its time and peak memory (VmHWM), as
    bench/photo_upload.py measures them."""
    photo = servers.psql("SELECT max(id) FROM media_library_photo", database)
    return photo_upload.run(
        "worker", photo, {**env, "DJANGO_SETTINGS_MODULE": "newsroom.settings"}
    )


def cached_phase(env, found, result):
    rng = random.Random(SEED + 1)
    urls = public(found["urls"])
    redis_flush()
    with Gunicorn(env, PORT, DATA / "gunicorn.log") as server:
        reader = measure.Session(server.url)
        log("cached: filling the page cache")
        for paths in urls.values():
            for path in paths:
                reader.request("GET", path)
        samples = measure.page_types(reader, urls, per_type=PER_TYPE // 2, rng=rng)
        result["cached"] = {k: measure.summary(v) for k, v in samples.items()}
        result["cache_hits"] = {
            k: sum(s["cache"] == "hit" for s in v) / max(1, len(v))
            for k, v in samples.items()
        }
        log("cached: wrk")
        result["wrk_cached"] = {
            "story": wrk(server.url, urls["story"], DATA, seconds=SECONDS),
            "home": wrk(server.url, urls["home"], DATA, seconds=SECONDS),
            "ceiling": wrk(server.url, [CEILING], DATA, seconds=SECONDS),
        }
        under_edits = ROOT / "bench" / "cache_under_edits.py"
        if under_edits.exists():
            log("cache under edits (bench/cache_under_edits.py)")
            done = subprocess.run(
                [
                    sys.executable,
                    str(under_edits),
                    "--base-url",
                    server.url,
                    "--duration",
                    str(EDIT_SECONDS),
                ],
                env={**env, "BENCH_URL": server.url},
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
            print(done.stdout, done.stderr, flush=True)
            result["cache_under_edits"] = {
                "returncode": done.returncode,
                "output": done.stdout[-4000:],
            }


def nginx_phase(result):
    from newsroom.benchmark import ceiling_page

    with Nginx(DATA / "nginx", PORT + 1, ceiling_page()) as nginx:
        result["wrk_nginx"] = wrk(
            nginx.url.rsplit("/", 1)[0], ["/ceiling.html"], DATA, seconds=SECONDS
        )


def static_stale():
    """Whether collectstatic must run (it takes minutes: every file compressed)."""
    manifest = DATA / "static" / "staticfiles.json"
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    sources = [ROOT / "static", ROOT / "pyproject.toml"]
    return any(
        path.stat().st_mtime > built
        for source in sources
        for path in ([source] if source.is_file() else source.rglob("*"))
    )


def machine():
    def version(command):
        try:
            out = subprocess.run(command, capture_output=True, text=True, check=False)
            return (out.stdout or out.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"

    return {
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "postgresql": servers.psql("SHOW server_version"),
        "shared_buffers": servers.psql("SHOW shared_buffers"),
        "nginx": version(["nginx", "-v"]),
        "wrk": version(["wrk", "--version"]),
        "gunicorn": version(
            [str(Path(sys.executable).parent / "gunicorn"), "--version"]
        ),
    }


def main():
    DATA.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    for size in SIZES:
        database, env = server_env(size)
        log(f"{size} stories: database {database}")
        built = servers.database_ready(env, database, size, SEED)
        if size == SIZES[0] and static_stale():
            log("collectstatic")
            manage(env, "collectstatic", "--noinput", "-v0", quiet=True)
        found = targets(env)
        result = {
            "size": size,
            "database": database,
            "stories": found["stories"],
            "visible": found["visible"],
            "search_full": found["search_full"],
            "generated_seconds": built,
            "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "machine": machine(),
            "commit": subprocess.run(
                ["git", "rev-parse", "HEAD"], capture_output=True, text=True, cwd=ROOT
            ).stdout.strip(),
            "settings": {"wrk_seconds": SECONDS, "requests_per_type": PER_TYPE},
            "note": os.environ.get("BENCH_NOTE", ""),
        }
        uncached_phase(env, found, result)
        cached_phase(env, found, result)
        nginx_phase(result)
        (RESULTS / f"{label(size)}.json").write_text(json.dumps(result, indent=1))
        report.print_size(result)
    report.write_docs(RESULTS, ROOT / "docs" / "benchmarks.md")
    report.print_ratios(RESULTS)


if __name__ == "__main__":
    main()
