"""Fixtures for the newsroom tests: an empty database to restore into."""

import sqlite3
import uuid

import psycopg
import pytest
from django.db import connection


@pytest.fixture
def empty_target(tmp_path):
    """(DATABASE_URL of an empty database of the run's kind, a function giving
    a cursor on it, a function giving a cursor on the test database), both
    cursors reading values the same way."""
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"
        # Django's own converters (registered globally) apply to both.
        types = sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES
        yield (
            f"sqlite:///{path}",
            lambda: sqlite3.connect(path, detect_types=types).cursor(),
            connection.cursor,
        )
        return
    options = connection.settings_dict
    name = f"warta_restore_{uuid.uuid4().hex[:10]}"
    server = {
        "host": options["HOST"] or None,
        "port": options["PORT"] or None,
        "user": options["USER"] or None,
        "password": options["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    opened = []

    def cursor_on(database):
        conn = psycopg.connect(dbname=database, options="-c TimeZone=UTC", **server)
        opened.append(conn)
        return conn.cursor()

    user = f"{server['user']}@" if server["user"] else ""
    yield (
        f"postgres://{user}{server['host']}:{server['port']}/{name}",
        lambda: cursor_on(name),
        lambda: cursor_on(options["NAME"]),
    )
    for conn in opened:
        conn.close()
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
