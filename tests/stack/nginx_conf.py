"""Make the stack test's nginx configuration from deploy/nginx/warta.conf.

The site file stays the one source of truth: only what must differ on a test
machine is rewritten (ports, the two app servers, folders, the certificate),
and every rewrite must match exactly once, so a change to the site file that
this script does not know about fails the stack test instead of being
silently skipped.

    python tests/stack/nginx_conf.py DIR HTTP_PORT HTTPS_PORT APP_A APP_B \
        STATIC_ROOT MEDIA_ROOT > DIR/nginx.conf
"""

import os
import sys
from pathlib import Path

SITE = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "warta.conf"


def rewrite(text, old, new):
    if text.count(old) != 1:
        sys.exit(f"deploy/nginx/warta.conf: expected {old!r} exactly once")
    return text.replace(old, new)


def site(work, http, https, app_a, app_b, static_root, media_root):
    text = SITE.read_text()
    text = rewrite(
        text,
        "    server 127.0.0.1:8000;\n    # server 10.0.0.12:8000;\n",
        f"    server 127.0.0.1:{app_a};\n    server 127.0.0.1:{app_b};\n",
    )
    text = rewrite(text, "/var/cache/nginx/warta", f"{work}/cache")
    text = rewrite(
        text, "    listen 80;\n    listen [::]:80;\n", f"    listen {http};\n"
    )
    text = rewrite(
        text,
        "    listen 443 ssl http2;\n    listen [::]:443 ssl http2;\n",
        f"    listen {https} ssl http2;\n",
    )
    text = rewrite(
        text,
        "return 301 https://$host$request_uri;",
        (f"return 301 https://$host:{https}$request_uri;"),
    )
    text = rewrite(
        text,
        "/etc/letsencrypt/live/mmc.example.go.id/fullchain.pem",
        f"{work}/tls.crt",
    )
    text = rewrite(
        text, "/etc/letsencrypt/live/mmc.example.go.id/privkey.pem", f"{work}/tls.key"
    )
    text = rewrite(text, "root /var/www/letsencrypt;", f"root {work}/acme;")
    text = rewrite(text, "alias /srv/warta/staticfiles/;", f"alias {static_root}/;")
    text = rewrite(text, "alias /srv/warta/media/;", f"alias {media_root}/;")
    text = rewrite(text, "/var/log/nginx/warta.access.log", f"{work}/nginx-access.log")
    return text.replace("server_name mmc.example.go.id;", "server_name _;")


def main(work, http, https, app_a, app_b, static_root, media_root):
    # A main file around the site, everything in the work folder; as root,
    # the workers run as root so they read the test's folders under /tmp.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}worker_processes 2;\n"
        f"pid {work}/nginx.pid;\n"
        f"error_log {work}/nginx-error.log warn;\n"
        "daemon off;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        "  include /etc/nginx/mime.types;\n"
        "  default_type application/octet-stream;\n"
        f"  client_body_temp_path {work}/body;\n"
        f"  proxy_temp_path {work}/proxy;\n"
        f"  fastcgi_temp_path {work}/fastcgi;\n"
        f"  uwsgi_temp_path {work}/uwsgi;\n"
        f"  scgi_temp_path {work}/scgi;\n"
        + site(work, http, https, app_a, app_b, static_root, media_root)
        + "}\n"
    )


if __name__ == "__main__":
    sys.stdout.write(main(*sys.argv[1:8]))
