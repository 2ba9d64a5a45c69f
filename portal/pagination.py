"""Pages of a listing whose count stays cheap however large the archive.

A listing counts at most ``MAX_PAGES`` pages of stories: counting every story
with a tag carried by tens of thousands of them costs more than the page
itself. Older stories stay reachable through the monthly archive, search and
the sitemaps.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

MAX_PAGES = 100


class ListingPaginator(Paginator):
    """A Paginator that counts no further than ``MAX_PAGES`` pages.

    ``capped`` says there are more stories than the pages it offers.
    """

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
