"""Long lists shown a page at a time: Django's Paginator, with the links GOV.UK's pagination component shows."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator

PER_PAGE = 50


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: the gap between far-apart page numbers
    url: str = ""
    current: bool = False


@dataclass(frozen=True)
class ListPage:
    """One page of a list and the links to the others; other lists on the same page keep their own page."""

    page: Page
    previous_url: str
    next_url: str
    links: list[PageLink]

    @property
    def items(self) -> list:
        return list(self.page.object_list)

    @property
    def count(self) -> int:
        return self.page.paginator.count

    @property
    def has_other_pages(self) -> bool:
        return self.page.has_other_pages()


def paginate(request, items, *, param: str = "page", per_page: int = PER_PAGE, anchor: str = "") -> ListPage:
    """The page of `items` (a queryset or a list) that `?<param>=` asks for; a page out of range gives the last.

    Links keep the request's other parameters (filters, other lists' pages) and end in `#anchor` when given.
    """
    page = Paginator(items, per_page).get_page(request.GET.get(param))

    def url(number: int) -> str:
        query = request.GET.copy()
        query[param] = number
        return f"?{query.urlencode()}" + (f"#{anchor}" if anchor else "")

    links = [
        PageLink(None) if n == Paginator.ELLIPSIS else PageLink(n, url(n), n == page.number)
        for n in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    ]
    return ListPage(
        page=page,
        previous_url=url(page.previous_page_number()) if page.has_previous() else "",
        next_url=url(page.next_page_number()) if page.has_next() else "",
        links=links,
    )


def read_page_rows(*pages: ListPage, rows) -> None:
    """Put the `rows` (one query) in place of their keys on `pages` paginated over keys, in the same order.

    A long list is paginated over its keys and only the rows on the page shown are read whole; a row deleted
    between the two reads is left out rather than failing the page.
    """
    by_pk = {row.pk: row for row in rows}
    for page in pages:
        page.page.object_list = [by_pk[pk] for pk in page.page.object_list if pk in by_pk]
