"""Every item of a list route, page by page.

Signet's lists are bare JSON arrays paged by `page[number]` (from 1) and `page[size]` (1 to
1000); a page shorter than the size is the last.
"""

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from signet_api.models import ErrorBody
from signet_api.types import Response

from .errors import ok

T = TypeVar("T")

#: The largest page Signet serves.
MAX_PAGE_SIZE = 1000


def paginate(
    list_page: Callable[..., Response[list[T] | ErrorBody]],
    /,
    *,
    page_size: int = 100,
    **arguments: Any,
) -> Iterator[T]:
    """Yields every item of the list that `list_page` (a generated `sync_detailed`) reads,
    fetching a page at a time; `arguments` (the `client`, filters, path ids) go to each call.

        for person in paginate(list_persons.sync_detailed, client=client):
            ...
    """
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ValueError(f"page_size must be 1 to {MAX_PAGE_SIZE}")
    number = 1
    while True:
        page = ok(list_page(pagenumber=number, pagesize=page_size, **arguments))
        yield from page
        if len(page) < page_size:
            return
        number += 1
