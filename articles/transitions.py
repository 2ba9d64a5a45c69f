"""The shape of a row of ``articles.workflow.TRANSITIONS``: a workflow button,
who may press it on which stories, and the inputs it asks for.

The admin form (``articles.forms.workflow_choice``) checks the inputs a row
names and the change form template draws them, so a transition that needs a
new kind of input adds an ``Input`` to its row, not code in the admin.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

# A published story whose time has not come: a state of its own for the rules.
SCHEDULED = "scheduled"


def workflow_state(article):
    """The story's state as the rules see it: its status, or ``SCHEDULED``."""
    return SCHEDULED if article.is_scheduled else article.status


@dataclass(frozen=True)
class Input:
    """An extra input of a transition: a list to choose from, or a checkbox.

    ``arg`` is the service's keyword; the form field is ``_workflow_<arg>``.
    With ``choices`` ((value, label) pairs) one must be chosen, else
    ``required`` is the message; without, it is a checkbox (True/False) that
    starts ticked when ``initial`` is True.
    """

    arg: str
    label: str
    choices: tuple = ()
    required: str = ""
    help: str = ""
    initial: bool = False

    @property
    def field(self):
        return f"_workflow_{self.arg}"

    @property
    def is_checkbox(self):
        return not self.choices

    def clean(self, data):
        """The value typed in ``data`` (a POST), or None if a choice is missing."""
        if self.is_checkbox:
            return bool(data.get(self.field))
        value = data.get(self.field, "")
        return value if value in {str(v) for v, _label in self.choices} else None


@dataclass(frozen=True)
class Transition:
    """One row of the table: a workflow button and what pressing it does.

    ``may(user, article)`` and ``from_states`` say who may press it on which
    stories; the service checks both again on the locked row. ``comment_arg``
    and ``time_arg`` name the service's keyword for the note or the time the
    user must type (None when the button needs none); ``inputs`` are any
    further ``Input`` the button asks for. ``done`` is the message
    after success (``%(time)s`` is the story's publishing time); ``verb``
    completes "Berita berstatus … tidak bisa <verb>" when the state is wrong,
    unless ``refused`` gives a whole sentence; ``mail`` is sent after commit.
    """

    name: str
    service: Callable
    label: str
    done: str
    may: Callable
    from_states: tuple
    verb: str = ""
    refused: str = ""
    comment_arg: str | None = None
    time_arg: str | None = None
    inputs: tuple = ()
    mail: object = None

    @property
    def needs_comment(self):
        return self.comment_arg is not None

    @property
    def needs_time(self):
        return self.time_arg is not None

    def allows(self, user, article):
        """Whether the button is offered to ``user`` on ``article`` now."""
        return workflow_state(article) in self.from_states and self.may(user, article)

    def refusal(self, article):
        if self.refused:
            return str(self.refused)
        return _("Berita berstatus “%(status)s” tidak bisa %(action)s.") % {
            "status": article.get_status_display(),
            "action": self.verb,
        }

    def run(self, *, article, by, comment="", at=None, **extra):
        """Call the service with the inputs this transition takes."""
        inputs = {i.arg: extra[i.arg] for i in self.inputs if i.arg in extra}
        if self.needs_comment:
            inputs[self.comment_arg] = comment
        if self.needs_time:
            inputs[self.time_arg] = at
        return self.service(article=article, by=by, **inputs)

    def done_message(self, article):
        """The past-tense message after success, for ``article`` as it is now."""
        when = article.published_at
        time = date_format(timezone.localtime(when), "DATETIME_FORMAT") if when else ""
        return self.done % {"time": time}
