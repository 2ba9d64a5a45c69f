"""Pages of a listing whose cost stays flat however large the archive.

A listing counts at most ``MAX_PAGES`` pages of stories: counting every story
with a tag carried by tens of thousands of them costs more than the page
itself. Older stories stay reachable through the monthly archive, search and
the sitemaps.

A page is read in two steps within one query: the page's ids, ordered and
sliced from the stories' ids alone (an index-only scan of
``article_visible_by_id_idx`` once a tag's, an agency's or an official's ids
are known), then the full cards of those few ids. Asked for whole rows at
once, PostgreSQL reads every story to sort a common agency's thousands.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

MAX_PAGES = 100


class ListingPaginator(Paginator):
    """A Paginator that counts no further than ``MAX_PAGES`` pages.

    ``capped`` says there are more stories than the pages it offers. With
    ``cards`` (a queryset of stories, ordered, ready to render), a page is
    the rows of ``cards`` whose ids are that page's slice of ``object_list``.
    """

    def __init__(self, object_list, per_page, *, cards=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cards = cards

    @cached_property
    def _limit(self):
        return MAX_PAGES * self.per_page

    @cached_property
    def _counted(self):
        # COUNT(*) over the first rows found, in no order: bounded, whatever
        # the total.
        return self.object_list.order_by().values("pk")[: self._limit + 1].count()

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
        ids = self.object_list.values("pk")[bottom : bottom + self.per_page]
        return self._get_page(self.cards.filter(pk__in=ids), number, self)
