from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.screening_explanation import ScreeningExplanation


T = TypeVar("T", bound="ScreeningMatch")


@_attrs_define
class ScreeningMatch:
    """One list entry that matched.

    Attributes:
        datasets (list[str]): The source datasets the list names for the entry (`us_ofac_sdn`, …); often empty.
        entry_id (str): The list's own id of the entry (OFAC `ent_num`, EU `logicalId`, …).
        explanation (ScreeningExplanation): Why a match scored what it scored: enough for a reviewer to agree or to mark
            it a false
            positive without re-doing the comparison.
        list_ (str): The list's id.
        matched_name (str): The name or alias that matched.
        name (str): The entry's primary name.
        score (float): From 0 to 1.
        topics (list[str]): The entry's risk topics: FollowTheMoney's `sanction`, `role.pep`, `role.rca`, `crime`, …;
            `sanction` for every entry of a list that gives none (the official sanctions lists).
    """

    datasets: list[str]
    entry_id: str
    explanation: ScreeningExplanation
    list_: str
    matched_name: str
    name: str
    score: float
    topics: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        datasets = self.datasets

        entry_id = self.entry_id

        explanation = self.explanation.to_dict()

        list_ = self.list_

        matched_name = self.matched_name

        name = self.name

        score = self.score

        topics = self.topics

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "datasets": datasets,
                "entry_id": entry_id,
                "explanation": explanation,
                "list": list_,
                "matched_name": matched_name,
                "name": name,
                "score": score,
                "topics": topics,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.screening_explanation import ScreeningExplanation

        d = dict(src_dict)
        datasets = cast(list[str], d.pop("datasets"))

        entry_id = d.pop("entry_id")

        explanation = ScreeningExplanation.from_dict(d.pop("explanation"))

        list_ = d.pop("list")

        matched_name = d.pop("matched_name")

        name = d.pop("name")

        score = d.pop("score")

        topics = cast(list[str], d.pop("topics"))

        screening_match = cls(
            datasets=datasets,
            entry_id=entry_id,
            explanation=explanation,
            list_=list_,
            matched_name=matched_name,
            name=name,
            score=score,
            topics=topics,
        )

        screening_match.additional_properties = d
        return screening_match

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
