from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SearchRequest")


@_attrs_define
class SearchRequest:
    """A name to screen, with optional supporting facts.

    Attributes:
        name (str): The name as written, in any script and word order.
        birth_date (None | str | Unset): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: supports or contradicts a match.
        limit (int | None | Unset): At most this many matches, best first (1 to 100, default 10).
        nationality (None | str | Unset): ISO 3166-1 alpha-2 code or country name: supports or contradicts a match.
        threshold (float | None | Unset): Lowest score returned, from 0 to 1 (default: the installation's
            `screening_threshold`,
            0.80 unless configured).
    """

    name: str
    birth_date: None | str | Unset = UNSET
    limit: int | None | Unset = UNSET
    nationality: None | str | Unset = UNSET
    threshold: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        birth_date: None | str | Unset
        if isinstance(self.birth_date, Unset):
            birth_date = UNSET
        else:
            birth_date = self.birth_date

        limit: int | None | Unset
        if isinstance(self.limit, Unset):
            limit = UNSET
        else:
            limit = self.limit

        nationality: None | str | Unset
        if isinstance(self.nationality, Unset):
            nationality = UNSET
        else:
            nationality = self.nationality

        threshold: float | None | Unset
        if isinstance(self.threshold, Unset):
            threshold = UNSET
        else:
            threshold = self.threshold

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if birth_date is not UNSET:
            field_dict["birth_date"] = birth_date
        if limit is not UNSET:
            field_dict["limit"] = limit
        if nationality is not UNSET:
            field_dict["nationality"] = nationality
        if threshold is not UNSET:
            field_dict["threshold"] = threshold

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_birth_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        birth_date = _parse_birth_date(d.pop("birth_date", UNSET))

        def _parse_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        limit = _parse_limit(d.pop("limit", UNSET))

        def _parse_nationality(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nationality = _parse_nationality(d.pop("nationality", UNSET))

        def _parse_threshold(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        threshold = _parse_threshold(d.pop("threshold", UNSET))

        search_request = cls(
            name=name,
            birth_date=birth_date,
            limit=limit,
            nationality=nationality,
            threshold=threshold,
        )

        return search_request
