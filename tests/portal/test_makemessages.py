"""``makemessages`` reads the public site's Jinja2 templates with Jinja2
(portal/management/commands/makemessages.py), so no message is dropped."""

from django.conf import settings

from portal.management.commands.makemessages import jinja2_dirs, messages_as_python

TEMPLATE = """{% extends "base.html" %}
{% block title %}{{ _("Arsip %(month)s", month=month|date("F Y")) }}{% endblock %}
{% block content %}<p>{{ _("Cari berita") }}</p>
<p>{{ ngettext("%(n)s berita", "%(n)s berita", count, n=count) }}</p>{% endblock %}
"""


def test_messages_with_values_and_plurals_are_read_on_their_lines():
    lines = messages_as_python(TEMPLATE).split("\n")
    assert "gettext('Arsip %(month)s')" in lines[1]
    assert "gettext('Cari berita')" in lines[2]
    assert "ngettext('%(n)s berita', '%(n)s berita', 0)" in lines[3]


def test_the_public_templates_are_the_ones_read_by_jinja2():
    assert jinja2_dirs() == [(settings.BASE_DIR / "templates" / "jinja2").resolve()]
