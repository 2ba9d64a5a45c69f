"""Processes ``make bench`` starts and stops: PostgreSQL databases built with
``generate_newsroom``, gunicorn as in production, nginx serving a file, and
``wrk``. Every process is started here and stopped here, by its own id."""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def log(message):
    print(f"== {message}", flush=True)


def psql(sql, database="postgres"):
    url = os.environ["BENCH_PG"].rstrip("/") + "/" + database
    result = subprocess.run(
        ["psql", url, "-tAc", sql], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def manage(env, *args, quiet=False):
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def database_ready(env, name, stories, seed):
    """Reuse the database if it holds ``stories`` generated stories; build it
    otherwise (a new database, migrated, then ``generate_newsroom``)."""
    exists = psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'")
    if exists:
        manage(env, "migrate", "--noinput", "-v0")
        count = int(psql("SELECT count(*) FROM articles_article", name) or 0)
        if count == stories:
            log(f"{name}: {count} stories, reused")
            return None
        log(f"{name}: {count} stories, not {stories}: rebuilt")
        psql(f'DROP DATABASE "{name}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{name}"')
    manage(env, "migrate", "--noinput", "-v0")
    log(f"{name}: generating {stories} stories")
    started = time.monotonic()
    manage(
        {**env, "DEBUG": "true"},
        "generate_newsroom", "--stories", str(stories), "--seed", str(seed),
        "--batch", "2000",
    )  # fmt: skip
    # Fresh statistics, as autovacuum would give a production database.
    psql("VACUUM ANALYZE", name)
    return time.monotonic() - started


class Gunicorn:
    """gunicorn with deploy/gunicorn.conf.py, as in production."""

    def __init__(self, env, port, logfile):
        self.env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
        self.url = f"http://127.0.0.1:{port}"
        self.logfile = logfile

    def __enter__(self):
        out = open(self.logfile, "ab")  # noqa: SIM115 - closed in __exit__
        self.out = out
        self.process = subprocess.Popen(
            # As deployed, except that workers are not recycled after
            # max_requests: at cached rates both would restart within seconds
            # and the measurement would be of restarts.
            [str(Path(PYTHON).parent / "gunicorn"), "newsroom.wsgi",
             "-c", "deploy/gunicorn.conf.py", "--max-requests", "0"],
            cwd=ROOT, env=self.env, stdout=out, stderr=out,
        )  # fmt: skip
        wait_for(self.url + "/healthz", self.process)
        return self

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(p) for p in children.read_text().split()]

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.out.close()


NGINX_CONF = """
worker_processes 2;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log warn;
daemon off;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/tmp;
    proxy_temp_path {dir}/tmp;
    fastcgi_temp_path {dir}/tmp;
    uwsgi_temp_path {dir}/tmp;
    scgi_temp_path {dir}/tmp;
    server {{
        listen 127.0.0.1:{port};
        location / {{ root {dir}/www; default_type text/html; }}
    }}
}}
"""


class Nginx:
    """nginx with its own configuration on a bench port, serving one file."""

    def __init__(self, folder, port, page):
        self.folder = Path(folder)
        self.port = port
        self.page = page
        self.url = f"http://127.0.0.1:{port}/ceiling.html"

    def __enter__(self):
        (self.folder / "www").mkdir(parents=True, exist_ok=True)
        (self.folder / "tmp").mkdir(exist_ok=True)
        (self.folder / "www" / "ceiling.html").write_bytes(self.page)
        os.chmod(self.folder, 0o755)
        conf = self.folder / "nginx.conf"
        conf.write_text(NGINX_CONF.format(dir=self.folder, port=self.port))
        self.process = subprocess.Popen(
            [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(conf),
             "-p", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(self.url, self.process)
        return self

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGQUIT)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def wait_for(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the server exited ({process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - our own server
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {seconds} s")


WRK_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def wrk(base, paths, folder, *, seconds, connections=8, headers=()):
    """req/s and latency percentiles of ``wrk`` cycling through ``paths``."""
    folder = Path(folder)
    (folder / "wrk.lua").write_text(WRK_SCRIPT)
    (folder / "wrk-paths.txt").write_text("\n".join(paths) + "\n")
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency",
               "--timeout", "10s",
               "-s", str(folder / "wrk.lua")]  # fmt: skip
    for header in headers:
        command += ["-H", header]
    result = subprocess.run(
        [*command, base],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "WRK_PATHS": str(folder / "wrk-paths.txt")},
    )
    out = result.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    return {
        "rps": rate,
        "non_2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": errors.group(1) if errors else "",
        "p50_ms": _ms(p50),
        "p99_ms": _ms(p99),
    }


def _ms(match):
    if not match:
        return None
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
