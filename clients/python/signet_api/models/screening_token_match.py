from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.screening_token_match_how import ScreeningTokenMatchHow

T = TypeVar("T", bound="ScreeningTokenMatch")


@_attrs_define
class ScreeningTokenMatch:
    """A query token and the list token it met.

    Attributes:
        how (ScreeningTokenMatchHow):
        list_ (str): The normalised list token (two joined by a space for `merged`).
        query (str): The normalised query token (two joined by a space for `split`).
        similarity (float): From 0 to 1.
        weight (float): The weight both tokens carry in the score (rarer tokens weigh more).
    """

    how: ScreeningTokenMatchHow
    list_: str
    query: str
    similarity: float
    weight: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        how = self.how.value

        list_ = self.list_

        query = self.query

        similarity = self.similarity

        weight = self.weight

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "how": how,
                "list": list_,
                "query": query,
                "similarity": similarity,
                "weight": weight,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        how = ScreeningTokenMatchHow(d.pop("how"))

        list_ = d.pop("list")

        query = d.pop("query")

        similarity = d.pop("similarity")

        weight = d.pop("weight")

        screening_token_match = cls(
            how=how,
            list_=list_,
            query=query,
            similarity=similarity,
            weight=weight,
        )

        screening_token_match.additional_properties = d
        return screening_token_match

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
