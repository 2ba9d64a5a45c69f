"""Statements compiled once: the story page's queries (and the header's
navigation) built and compiled by the ORM once per shape (``compiled_once``),
run with each page's values on a cursor that PostgreSQL plans them on once
per connection (``compiled_cursor``), their columns converted as the ORM
converts them (``converters``).

Building and compiling these querysets cost more than PostgreSQL takes to run
them, and planning them cost PostgreSQL twice what running them does.
"""

import datetime

import psycopg
from django.conf import settings
from django.db import connection
from django.db.backends.postgresql.psycopg_any import register_tzloader
from psycopg.postgres import types as _types
from psycopg.pq import Format
from psycopg.types.numeric import Int8Dumper

_TIMESTAMPTZ = _types["timestamptz"].oid

# Queries whose shape does not change from page to page are compiled once
# per database and shape, with stand-ins (marks) for the values that do
# change; a page puts its own values in the marks' places. Building and
# compiling these querysets cost more than PostgreSQL takes to run them.
_STATEMENTS = {}
_STATEMENTS_MAX = 500
_DAY_MARK = datetime.date(1901, 2, 3)
_NOW_MARK = datetime.datetime(1901, 2, 3, 4, 5, 6, tzinfo=datetime.UTC)


def _pk_mark(place):
    """A stand-in for an id; no row has a negative one."""
    return -987_000_000 - place


def _text_mark(place):
    """A stand-in for a text value (a slug): no slug has spaces or braces."""
    return f"{{mark {place}}}"


def compiled_once(shape, build, values, **fixed):
    """``(sql, params)`` of ``build(**values, **fixed)``, compiled once per
    ``shape`` (which must determine how many values there are) and ``fixed``.

    ``build`` is called with a mark in place of each value (``_pk_mark``,
    ``_text_mark``, ``_DAY_MARK``, ``_NOW_MARK``, lists of ids marked one by
    one); every parameter equal to a mark is replaced by its value on each
    call.
    """
    ops = connection.ops
    key = (connection.alias, connection.vendor, build, shape, *sorted(fixed.items()))
    statement = _STATEMENTS.get(key)
    marks, adapted = {}, {}

    def mark(name, value):
        if isinstance(value, list):
            return [mark(f"{name}.{i}", item) for i, item in enumerate(value)]
        if isinstance(value, datetime.datetime):
            stand_in, adapt = _NOW_MARK, ops.adapt_datetimefield_value
        elif isinstance(value, datetime.date):
            stand_in, adapt = _DAY_MARK, ops.adapt_datefield_value
        elif isinstance(value, str):
            stand_in, adapt = _text_mark(len(marks)), None
        else:
            stand_in, adapt = _pk_mark(len(marks)), None
        marks[name] = adapt(stand_in) if adapt else stand_in
        adapted[name] = adapt(value) if adapt else value
        return stand_in

    marked = {name: mark(name, value) for name, value in values.items()}
    if statement is None:
        query = build(**marked, **fixed).query
        sql, params = query.get_compiler(connection=connection).as_sql()
        by_mark = {}
        for name, value in marks.items():
            by_mark.setdefault(value, []).append(name)
        if any(len(names) > 1 for names in by_mark.values()):
            raise ValueError("two values share a mark")
        places = {
            place: by_mark[value][0]
            for place, value in enumerate(params)
            if not isinstance(value, list | dict) and value in by_mark
        }
        if set(places.values()) != set(marks):  # pragma: no cover
            raise RuntimeError("a value is not a parameter of the query")
        if len(_STATEMENTS) >= _STATEMENTS_MAX:
            _STATEMENTS.clear()
        statement = _STATEMENTS[key] = (sql, tuple(params), places)
    sql, params, places = statement
    params = list(params)
    for place, name in places.items():
        params[place] = adapted[name]
    return sql, params


def compiled_cursor():
    """A cursor for statements from ``compiled_once``: on PostgreSQL bound
    server-side and prepared, so that each connection plans a statement once
    (planning them took twice as long as running them: about 1 ms of a
    story page's 2); elsewhere Django's own cursor, and so too while queries
    are logged (``DEBUG``, tests capturing them), whose log reads the SQL
    from Django's own cursors. Queries pass through Django's execute
    wrappers either way (``make bench`` counts them).
    """
    if (
        connection.vendor != "postgresql"
        or not settings.WARTA_DB_PREPARED
        or connection.queries_logged
    ):
        return connection.cursor()
    # What Django's own cursor() does first: a persistent connection that
    # went bad since the last request is replaced, not used.
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    if connection.connection.prepare_threshold is None:
        # Django sets None, which refuses even an explicit prepare. A count
        # never reached prepares only what asks; Django's own cursors bind
        # client-side and never prepare.
        connection.connection.prepare_threshold = 2**31
    cursor = _PreparedCursor(connection.connection)
    # As Django's own cursors: times in the connection's zone (UTC).
    loader = connection.connection.adapters.get_loader(_TIMESTAMPTZ, Format.TEXT)
    if connection.timezone != loader.timezone:
        register_tzloader(connection.timezone, cursor)
    return connection.make_cursor(cursor)


class _PreparedCursor(psycopg.Cursor):
    """psycopg's server-side binding cursor, preparing every statement
    (Django turns psycopg's automatic preparation off for connection
    poolers; ``WARTA_DB_PREPARED=false`` turns this off too)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One type for every integer: psycopg types an int by its size
        # (int2, int4, int8), and each mix of them would be a statement of
        # its own, prepared again and again as they push each other out.
        self.adapters.register_dumper(int, Int8Dumper)

    def execute(self, query, params=None, *, prepare=None, binary=None):
        prepare = True if prepare is None else prepare
        return super().execute(query, params, prepare=prepare, binary=binary)


def converters(field):
    """What the ORM does to a column of ``field`` read from the database
    (SQLite hands datetimes over as text); its ``steps`` are empty when it
    does nothing."""
    column = field.get_col(field.model._meta.db_table)
    steps = connection.ops.get_db_converters(column) + field.get_db_converters(
        connection
    )

    def convert(value):
        for step in steps:
            value = step(value, column, connection)
        return value

    convert.steps = steps
    return convert
