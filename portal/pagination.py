"""Pages of a listing whose cost stays flat however large the archive.

A listing counts at most ``MAX_PAGES`` pages of stories: counting every story
with a tag carried by tens of thousands of them costs more than the page
itself. Older stories stay reachable through the monthly archive, search and
the sitemaps.

A page is read in two steps within one query: the page's ids, then the full
cards of those few ids. Asked for whole rows at once, PostgreSQL reads every
story to sort a common agency's thousands.

The stories of an agency or an official (a ``Linked``) are found one of two
ways (a tag's are one ``IN`` query: the planner knows from the link table's
statistics how common a tag is, and walks or gathers by itself):

- **gathered**: their ids from the link table, each looked up in
  ``article_visible_by_id_idx`` and the lot sorted. Right for a few
  hundred; for an official named in 14,000 stories it is 24 ms at 100,000
  stories, and grows with the archive.
- **walked**: the newest visible stories in order, each checked for the
  link, until the page is full (0.3 ms for that official). Right for a set
  that is a good share of the newest stories, and wrong for one whose
  stories are old (an official out of office for years: the walk would
  read 70,000 stories to find twelve). So a walk only looks among the
  newest ``selectors.WALK_WINDOW`` stories; when it finds fewer than the
  page needs, the page is gathered after all (one query more).

A listing walks when its count went past ``MAX_PAGES`` pages (``capped``),
for its first ``WALK_PAGES`` pages; a feed when it has more than
``GATHER_MAX`` stories. Below the cap, a ``Linked`` is counted and ordered
in one query (``Linked.newest_ids``): the page is a slice of those ids, so
each story is looked up once, not once for the count and again for the
page.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet, prefetch_related_objects
from django.utils.functional import cached_property

MAX_PAGES = 100
# The deepest page a large listing tries to find by walking.
WALK_PAGES = 10
# Up to this many stories, a feed gathers; beyond, it tries walking first.
GATHER_MAX = 1200


@dataclass(frozen=True)
class Linked:
    """The visible stories linked to one agency or official, newest
    first, written the ways a listing reads them (see the module's
    docstring).

    ``gathered``: their ids gathered from the link table; ``walked``: the
    newest visible stories (within a window) checked one by one, which may
    miss older ones; ``counted``, when the gathered ids are not the cheapest
    count: a function of ``most`` giving their ids and publication times
    (``values("pk", "published_at")``), in no order, written so that
    counting stops after ``most``.
    """

    gathered: QuerySet
    walked: QuerySet
    counted: Callable[[int], QuerySet] | None = None

    def _found(self, most):
        """Up to ``most`` of them, in no order (a bounded scan): their ids
        and publication times."""
        if self.counted is None:
            return self.gathered.order_by().values("pk", "published_at")[:most]
        return self.counted(most)[:most]

    def count(self, most):
        """How many there are, counting no further than ``most`` (one query)."""
        return self._found(most).count()

    def newest_ids(self, most):
        """The ids of up to ``most`` of them, newest first (one query).

        When there are ``most`` or more, which ones is left to the scan: the
        list then only counts them. Below that it is all of them, and a
        listing's page is its slice: the count and the page's ids come from
        the same lookups, where a count and then a gathered page each looked
        up every story (at 100,000 stories, an agency with 1,094: two
        queries of ~2 ms each).
        """
        found = self._found(most)
        # The ORM's own SQL, its values as parameters: nothing typed by a
        # reader is spliced in.
        sql, params = found.query.sql_with_params()
        with connections[found.db].cursor() as cursor:
            cursor.execute(
                f"SELECT pk FROM ({sql}) found "  # noqa: S608
                "ORDER BY published_at DESC, pk DESC",
                params,
            )
            return [pk for (pk,) in cursor.fetchall()]


def rows(cards, stories, bottom, top, *, walk):
    """The rows of ``cards`` (prefetches done) for ``stories[bottom:top]``.

    ``walk``: first try ``stories.walked`` (a ``Linked``'s), and keep its
    rows if it found as many as asked for; otherwise the rows come from
    ``stories.gathered`` (or ``stories`` itself, a queryset).
    """
    lookups = cards._prefetch_related_lookups
    if walk:
        ids = stories.walked.values("pk")[bottom:top]
        found = list(cards.prefetch_related(None).filter(pk__in=ids))
        if len(found) == top - bottom:
            prefetch_related_objects(found, *lookups)
            return found
    if isinstance(stories, Linked):
        stories = stories.gathered
    return list(cards.filter(pk__in=stories.values("pk")[bottom:top]))


class ListingPaginator(Paginator):
    """A Paginator that counts no further than ``MAX_PAGES`` pages.

    ``capped`` says there are more stories than the pages it offers. With
    ``cards`` (a queryset of stories, ordered, ready to render), a page is
    the rows of ``cards`` whose ids are that page's slice of ``object_list``.
    ``object_list`` may be a ``Linked``: counted from the link table, its
    pages walked or gathered as the module's docstring says.
    """

    def __init__(self, object_list, per_page, *, cards=None, **kwargs):
        self.stories = object_list
        self.linked = isinstance(object_list, Linked)
        if self.linked:
            object_list = object_list.gathered
        super().__init__(object_list, per_page, **kwargs)
        self.cards = cards

    @cached_property
    def _limit(self):
        return MAX_PAGES * self.per_page

    @cached_property
    def _counted(self):
        # COUNT(*) over the first rows found, in no order: bounded, whatever
        # the total. A Linked's ids come back newest first: below the cap
        # they are the pages (``_newest``).
        if self.linked:
            return len(self._newest)
        return self.object_list.order_by().values("pk")[: self._limit + 1].count()

    @cached_property
    def _newest(self):
        return self.stories.newest_ids(self._limit + 1)

    @cached_property
    def count(self):
        return min(self._counted, self._limit)

    @cached_property
    def capped(self):
        return self._counted > self._limit

    def page(self, number):
        if self.cards is None:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if self.linked and not self.capped:
            found = list(self.cards.filter(pk__in=self._newest[bottom:top]))
        else:
            walk = self.linked and self.capped and number <= WALK_PAGES
            found = rows(self.cards, self.stories, bottom, top, walk=walk)
        return self._get_page(found, number, self)


def newest(cards, stories, count):
    """The rows of ``cards`` for the ``count`` newest ``stories``, for a feed.

    A ``Linked`` is counted first, no further than ``GATHER_MAX`` (one
    bounded query), to choose whether to try walking.
    """
    walk = isinstance(stories, Linked) and (stories.count(GATHER_MAX + 1) > GATHER_MAX)
    return rows(cards, stories, 0, count, walk=walk)
