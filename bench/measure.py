"""Server time and queries of single requests, read from the headers that
``newsroom.benchmark.ServerTimingMiddleware`` adds (``WARTA_BENCH=true``)."""

import http.client
import io
import random
import re
import statistics
import time
from urllib.parse import urlsplit

from PIL import Image, ImageDraw

_APP = re.compile(r"app;dur=([\d.]+)")
_DB = re.compile(r"db;dur=([\d.]+)")


class Session:
    """One keep-alive HTTP connection to a server, reopened when it closes."""

    def __init__(self, base, cookies=None):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.cookies = cookies or {}
        self.connection = None

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=120
                )
            try:
                started = time.perf_counter()
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
                wall = (time.perf_counter() - started) * 1000
                if response.getheader("Connection", "").lower() == "close":
                    self.close()
                return response, content, wall
            except (http.client.RemoteDisconnected, ConnectionError, BrokenPipeError):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def sample(session, path, method="GET", body=None, headers=None):
    response, content, wall = session.request(method, path, body, headers)
    timing = response.getheader("Server-Timing") or ""
    app, db = _APP.search(timing), _DB.search(timing)
    return {
        "path": path,
        "status": response.status,
        "server_ms": float(app.group(1)) if app else None,
        "db_ms": float(db.group(1)) if db else None,
        "queries": int(response.getheader("X-Queries") or -1),
        "wall_ms": wall,
        "bytes": len(content),
        "cache": response.getheader("X-Warta-Cache") or "",
    }


def percentile(values, fraction):
    values = sorted(values)
    if not values:
        return None
    index = min(len(values) - 1, max(0, round(fraction * len(values) + 0.5) - 1))
    return values[index]


def summary(samples):
    """p50/p95/max server time and the queries of a page type's requests."""
    times = [s["server_ms"] for s in samples if s["server_ms"] is not None]
    queries = [s["queries"] for s in samples]
    statuses = sorted({s["status"] for s in samples})
    slowest = max(samples, key=lambda s: s["server_ms"] or 0) if samples else None
    return {
        "n": len(samples),
        "p50": percentile(times, 0.5),
        "p95": percentile(times, 0.95),
        "max": max(times) if times else None,
        "mean": statistics.fmean(times) if times else None,
        "queries_max": max(queries) if queries else None,
        "queries_median": statistics.median(queries) if queries else None,
        "statuses": statuses,
        "slowest": slowest["path"] if slowest else "",
    }


def page_types(session, urls, *, per_type, rng):
    """Request up to ``per_type`` addresses of each page type, one at a time."""
    results = {}
    for name, paths in urls.items():
        chosen = list(paths)
        rng.shuffle(chosen)
        if name != "search":
            chosen = (chosen * (per_type // max(1, len(chosen)) + 1))[:per_type]
        results[name] = [sample(session, path) for path in chosen]
    return results


def photo_24mp(seed):
    """A 6000 × 4000 JPEG, different for every seed (so never a duplicate)."""
    rng = random.Random(seed)
    image = Image.new("RGB", (6000, 4000), (rng.randint(0, 255), 120, 90))
    draw = ImageDraw.Draw(image)
    for _ in range(400):
        x, y = rng.randint(0, 5800), rng.randint(0, 3800)
        r = rng.randint(20, 600)
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        draw.ellipse([x, y, x + r, y + r], fill=colour)
    noise = Image.effect_noise((6000, 4000), 24).convert("RGB")
    image = Image.blend(image, noise, 0.15)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def upload(session, payload, csrf):
    """POST a photo to the editor's upload endpoint as CKEditor does."""
    boundary = f"warta-bench-{random.getrandbits(64):x}"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="upload"; '
            f'filename="bench-24mp.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'
        ).encode()
        + payload
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return sample(
        session,
        "/editor/upload/",
        method="POST",
        body=body,
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "X-CSRFToken": csrf,
            "Referer": "http://127.0.0.1/admin/",
        },
    )


def max_rss_mb(pids):
    """The largest peak resident memory (VmHWM) of ``pids``, in MB."""
    peak = 0
    for pid in pids:
        try:
            status = open(f"/proc/{pid}/status").read()  # noqa: SIM115
        except OSError:
            continue
        found = re.search(r"VmHWM:\s+(\d+) kB", status)
        if found:
            peak = max(peak, int(found.group(1)) // 1024)
    return peak
