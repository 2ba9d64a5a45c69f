"""One log line per request with its id (newsroom/requestlog.py)."""

import logging
import sys

import pytest

from newsroom.requestlog import OneLineFormatter

pytestmark = pytest.mark.django_db


def _request_lines(caplog):
    return [r for r in caplog.records if r.name == "warta.request"]


def test_each_request_logs_one_line_with_method_path_status_and_time(client, caplog):
    with caplog.at_level(logging.INFO, logger="warta.request"):
        response = client.get("/healthz")

    (record,) = _request_lines(caplog)
    line = record.getMessage()
    assert "method=GET path=/healthz status=200" in line
    assert " ms=" in line and "slow=0" in line
    assert record.request_id == response["X-Request-ID"]


def test_the_proxys_request_id_is_kept_and_returned(client, caplog):
    given = "0123456789abcdef0123456789abcdef"
    with caplog.at_level(logging.INFO, logger="warta.request"):
        response = client.get("/healthz", HTTP_X_REQUEST_ID=given)

    assert response["X-Request-ID"] == given
    assert _request_lines(caplog)[0].request_id == given


def test_a_request_id_that_could_forge_a_log_line_is_replaced(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="abc def\nslow=1 x")

    assert response["X-Request-ID"] != "abc def\nslow=1 x"
    assert len(response["X-Request-ID"]) == 32


def test_query_string_and_password_never_reach_the_log(client, caplog):
    with caplog.at_level(logging.DEBUG):
        client.get("/cari/?q=rahasia-token-xyz")
        client.post(
            "/admin/login/",
            {"username": "siapa", "password": "kata-sandi-rahasia"},
            HTTP_COOKIE="sessionid=kue-rahasia",
        )

    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "path=/cari/ " in logged
    assert "rahasia-token-xyz" not in logged
    assert "kata-sandi-rahasia" not in logged
    assert "kue-rahasia" not in logged


def test_the_signed_in_user_is_named(client, newsroom, caplog):
    client.force_login(newsroom.editor)
    with caplog.at_level(logging.INFO, logger="warta.request"):
        client.get("/admin/")

    assert f"user={newsroom.editor.username} " in _request_lines(caplog)[0].getMessage()


def test_a_slow_request_is_a_warning_marked_slow(client, settings, caplog):
    settings.WARTA_SLOW_REQUEST_MS = 0
    with caplog.at_level(logging.INFO, logger="warta.request"):
        client.get("/healthz")

    (record,) = _request_lines(caplog)
    assert record.levelno == logging.WARNING
    assert "slow=1" in record.getMessage()


def test_a_traceback_stays_on_the_records_line():
    formatter = OneLineFormatter("%(levelname)s %(message)s")
    try:
        raise ValueError("rusak\nbaris dua")
    except ValueError:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "gagal", None, exc_info=True
        )
        record.exc_info = sys.exc_info()
    text = formatter.format(record)

    assert "\n" not in text
    assert "ValueError: rusak" in text
