"""gunicorn settings for Warta (``gunicorn newsroom.wsgi -c deploy/gunicorn.conf.py``).

Values come from the environment so one file serves every server:
GUNICORN_BIND (127.0.0.1:8000) and GUNICORN_WORKERS (2 per core + 1).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Requests are short; a photo upload is the longest (checked, stored, resized).
timeout = 60
graceful_timeout = 30
keepalive = 5
# Restart a worker now and then, so a slow leak never grows.
max_requests = 2000
max_requests_jitter = 200
# nginx on the same machine sets X-Forwarded-*; Django trusts them only with
# BEHIND_TLS_PROXY=true.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# No access log here: Warta logs each request itself, one line with its id,
# user and duration, and without the query string (newsroom/requestlog.py).
accesslog = None
errorlog = "-"
loglevel = "warning"
# gunicorn 24+ opens a control socket in the user's home; Warta does not use
# it, and two app servers on one machine would fight over the one path.
control_socket_disable = True


def post_worker_init(worker):
    """Leave the loaded application's objects (Django, the settings, the
    models: about 90,000) out of the garbage collector's full passes: they
    live as long as the worker. A full pass, which falls on whichever
    request is running, took 25-50 ms with them and 6-9 ms without
    (measured after 200 searches at 100,000 stories).

    And collect the youngest objects every 10,000 allocations, not 700: a
    story page allocates thousands, almost all freed by their reference
    counts; at 700 each request paid for half a collection (0.1 ms of a
    4.7 ms story page), at 10,000 for a twentieth (0.06 ms)."""
    import gc

    gc.freeze()
    gc.set_threshold(10_000, 20, 20)
