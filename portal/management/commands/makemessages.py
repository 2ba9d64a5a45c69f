"""``makemessages`` that reads the public site's Jinja2 templates with Jinja2.

Django reads a template's messages with its own template parser, which finds
only ``{{ _("...") }}`` in a Jinja2 template: a message with values
(``_("Arsip %(month)s", month=...)``) or a plural (``ngettext``) would be
dropped from the .po file. Jinja2's parser finds them all; each is written as
a Python call on its own line for xgettext, as Django does with its own
templates, so the .po file keeps the msgids and the templates' lines.
"""

from functools import cached_property
from pathlib import Path

import jinja2
from django.conf import settings
from django.core.management.commands import makemessages


def jinja2_dirs():
    """The folders of the Jinja2 engine's templates."""
    return [
        Path(folder).resolve()
        for engine in settings.TEMPLATES
        if engine["BACKEND"] == "django.template.backends.jinja2.Jinja2"
        for folder in engine.get("DIRS", [])
    ]


def messages_as_python(source):
    """The template's gettext calls as Python, each on the template's line."""
    lines = [""] * (source.count("\n") + 1)
    finder = jinja2.Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    for lineno, function, strings in finder.extract_translations(source):
        if not isinstance(strings, tuple):
            strings = (strings,)
        texts = [text for text in strings if isinstance(text, str)]
        if function == "ngettext" and len(texts) == 2:
            call = f"ngettext({texts[0]!r}, {texts[1]!r}, 0)"
        elif function in ("_", "gettext") and len(texts) == 1:
            call = f"gettext({texts[0]!r})"
        else:
            continue
        lines[lineno - 1] += f" {call};"
    return "\n".join(lines)


class BuildFile(makemessages.BuildFile):
    """A file for xgettext; a Jinja2 template read by Jinja2's parser."""

    @cached_property
    def is_jinja2(self):
        path = Path(self.path).resolve()
        return self.domain == "django" and any(
            folder in path.parents for folder in jinja2_dirs()
        )

    def preprocess(self):
        if not self.is_jinja2:
            return super().preprocess()
        source = Path(self.path).read_text(encoding="utf-8")
        Path(self.work_path).write_text(messages_as_python(source), encoding="utf-8")


class Command(makemessages.Command):
    build_file_class = BuildFile
