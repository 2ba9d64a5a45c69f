"""An HTTP client for the stack tests, speaking to nginx or to one app server.

Cookies are kept by hand, not by a cookie jar: the session cookie is Secure
(production settings), and the tests send it to an app server's plain-HTTP
port too, as nginx would after TLS. Requests sent straight to an app server
carry ``X-Forwarded-Proto: https``, as nginx's do.
"""

import re
import time
import urllib.parse

import lxml.html
import requests
import urllib3
from django_otp.oath import TOTP

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


class StackError(AssertionError):
    """What the stack did that it should not have."""


class Client:
    """One browser: its cookies, sent to whichever server is asked."""

    def __init__(self, base, *, origin):
        self.base, self.origin = base.rstrip("/"), origin.rstrip("/")
        self.cookies = {}
        self.http = requests.Session()
        self.http.verify = False
        self.http.trust_env = False

    def request(self, method, path, *, base=None, **kwargs):
        url = path if path.startswith("http") else f"{base or self.base}{path}"
        headers = {
            "X-Forwarded-Proto": "https",
            "Referer": f"{self.origin}{urllib.parse.urlsplit(url).path}",
            **kwargs.pop("headers", {}),
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.http.cookies.clear()
        response = self.http.request(
            method, url, headers=headers, allow_redirects=False, timeout=60, **kwargs
        )
        for name, value in response.cookies.items():
            if value:
                self.cookies[name] = value
            else:
                self.cookies.pop(name, None)
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, **kwargs):
        return self.request("POST", path, **kwargs)

    def follow(self, response, **kwargs):
        """Follow redirects on the same server."""
        while response.is_redirect:
            target = urllib.parse.urljoin(response.url, response.headers["Location"])
            response = self.get(target, **kwargs)
        return response

    def login(self, username, password, totp_key, **kwargs):
        """Password, then the second factor from the TOTP key, as a person
        with an authenticator app would."""
        page = self.get("/admin/login/", **kwargs)
        response = self.post(
            "/admin/login/",
            data={
                "csrfmiddlewaretoken": csrf_token(page.text),
                "username": username,
                "password": password,
                "next": "/admin/",
            },
            **kwargs,
        )
        if response.status_code != 302:
            raise StackError(f"login of {username}: {response.status_code}")
        verify = self.follow(response, **kwargs)
        if "/admin/dua-langkah/" not in verify.url:
            raise StackError(f"{username} was not asked for a second factor")
        for _attempt in range(2):
            token = TOTP(bytes.fromhex(totp_key)).token()
            done = self.post(
                verify.url,
                data={
                    "csrfmiddlewaretoken": csrf_token(verify.text),
                    "token": f"{token:06d}",
                },
                **kwargs,
            )
            if done.status_code == 302:
                return self.follow(done, **kwargs)
            # A code is good once per 30-second step: wait for the next one.
            step = int(time.time()) // 30
            while int(time.time()) // 30 == step:
                time.sleep(0.2)
            verify = self.get(verify.url, **kwargs)
        raise StackError(f"second factor of {username} refused")


def csrf_token(html):
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not found:
        raise StackError("no CSRF token on the page")
    return found.group(1)


def form_fields(html, form_id):
    """The values a browser would send for the form ``form_id`` (files and
    buttons aside), as a list of pairs."""
    form = lxml.html.fromstring(html).get_element_by_id(form_id)
    return list(form.form_values())
