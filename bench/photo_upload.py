"""Measure a 24-megapixel photo upload: the request's time and peak memory,
and the worker's peak memory while it makes the renditions.

Run from the project folder (it makes its own SQLite database and media
folder in a temporary directory)::

    .venv/bin/python bench/photo_upload.py [--width 6000 --height 4000]

Each phase runs in a fresh Python process so its peak memory is its own:
the admin's upload request (``django.test.Client``, the whole middleware
stack) with tasks queued in the database, then the real worker,
``manage.py db_worker --batch``, which makes the renditions. The peak is the
process's VmHWM (its maximum resident set size since it started); ru_maxrss
is printed too, but Linux carries the parent's peak into it across
fork/exec.
"""

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def photo_jpeg(width, height):
    """A photo-like JPEG: smooth gradients with grain, camera quality 92."""
    from PIL import Image

    base = Image.linear_gradient("L").resize((width, height))
    noise = Image.effect_noise((width, height), 12)
    image = Image.merge(
        "RGB", (base, noise, base.transpose(Image.Transpose.FLIP_LEFT_RIGHT))
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


# The child process: one phase, reports JSON on its last line.
CHILD = r"""
import json, resource, sys, time
import django
django.setup()
phase, path = sys.argv[1], sys.argv[2]
if phase == "upload":
    # The admin's "add photo" request, as a browser sends it (multipart body,
    # parsed into a temporary file like any upload over 2.5 MB).
    from django.contrib.auth import get_user_model
    from django.test import Client
    from media_library.models import Photo
    user = get_user_model().objects.create_superuser("bench", "b@example.test", "x")
    client = Client()
    client.force_login(user)
    with open(path, "rb") as upload:
        started, cpu = time.perf_counter(), time.process_time()
        response = client.post(
            "/admin/media_library/photo/add/",
            {"file": upload, "title": "Bench", "caption": "Rapat"},
        )
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert response.status_code == 302, response.status_code
    photo = Photo.objects.get()
    result = {"photo": photo.pk, "seconds": seconds, "cpu_seconds": cpu,
              "renditions": photo.renditions.count()}
else:
    # The worker: `manage.py db_worker` runs the task the upload queued.
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult
    from media_library.models import Photo
    photo = Photo.objects.get(pk=int(path))
    started, cpu = time.perf_counter(), time.process_time()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload",
                 verbosity=0)
    result = {"seconds": time.perf_counter() - started,
              "cpu_seconds": time.process_time() - cpu,
              "renditions": photo.renditions.count(),
              "tasks": list(DBTaskResult.objects.values_list("status", flat=True))}
# VmHWM is this process image's own peak; ru_maxrss also counts the parent's
# memory when it was spawned (Linux keeps it across fork and execve).
with open("/proc/self/status") as status:
    hwm = next(line for line in status if line.startswith("VmHWM:"))
result["max_rss_mb"] = int(hwm.split()[1]) / 1024
result["ru_maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
"""


def run(phase, arg, env):
    out = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", CHILD, phase, str(arg)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if out.returncode:
        sys.exit(f"{phase} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=6000)
    parser.add_argument("--height", type=int, default=4000)
    parser.add_argument(
        "--json", action="store_true", help="also print the figures as JSON"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DEBUG": "true",
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "MEDIA_ROOT": f"{tmp}/media",
            # The upload phase must not run the worker's job in-process.
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "ALLOWED_HOSTS": "testserver",
            "WARTA_REQUIRE_2FA": "false",
        }
        env.pop("REDIS_URL", None)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
            env=env,
            cwd=ROOT,
            check=True,
        )
        photo = Path(tmp) / "photo.jpg"
        started = time.perf_counter()
        photo.write_bytes(photo_jpeg(args.width, args.height))
        made = time.perf_counter() - started
        size_mb = photo.stat().st_size / 1e6
        print(
            f"{args.width}x{args.height} JPEG, {size_mb:.1f} MB (made in {made:.1f} s)"
        )
        upload = run("upload", photo, env)
        print(
            f"upload (admin request): {upload['seconds']:.2f} s "
            f"({upload['cpu_seconds']:.2f} s CPU), "
            f"peak RSS {upload['max_rss_mb']:.0f} MB, "
            f"renditions made in the request: {upload['renditions']}"
        )
        worker = None
        if upload["renditions"]:
            print("(renditions made in the request, as before the worker: no worker)")
        else:
            worker = run("worker", upload["photo"], env)
            print(
                f"worker (db_worker, tasks {worker['tasks']}): "
                f"{worker['seconds']:.2f} s "
                f"({worker['cpu_seconds']:.2f} s CPU), "
                f"peak RSS {worker['max_rss_mb']:.0f} MB, "
                f"renditions: {worker['renditions']}"
            )
        if args.json:
            print(json.dumps({"upload": upload, "worker": worker}))


if __name__ == "__main__":
    main()
