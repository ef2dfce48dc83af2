from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.screening_outcome_risk_classification_status import (
    ScreeningOutcomeRiskClassificationStatus,
)
from ..models.screening_outcome_screening_progress import (
    ScreeningOutcomeScreeningProgress,
)

if TYPE_CHECKING:
    from ..models.screening_hit import ScreeningHit


T = TypeVar("T", bound="ScreeningOutcome")


@_attrs_define
class ScreeningOutcome:
    """What one screening found, as stored with it.

    Attributes:
        hits (list[ScreeningHit]): The hits this screening found, as they stood then (kept as they were written).
        lists (list[str]): The lists screened against.
        risk_classification_status (ScreeningOutcomeRiskClassificationStatus): The person's `risk_classification_status`
            after this screening.
        screening_progress (ScreeningOutcomeScreeningProgress): The person's `screening_progress` after this screening.
    """

    hits: list[ScreeningHit]
    lists: list[str]
    risk_classification_status: ScreeningOutcomeRiskClassificationStatus
    screening_progress: ScreeningOutcomeScreeningProgress
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        hits = []
        for hits_item_data in self.hits:
            hits_item = hits_item_data.to_dict()
            hits.append(hits_item)

        lists = self.lists

        risk_classification_status = self.risk_classification_status.value

        screening_progress = self.screening_progress.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hits": hits,
                "lists": lists,
                "risk_classification_status": risk_classification_status,
                "screening_progress": screening_progress,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.screening_hit import ScreeningHit

        d = dict(src_dict)
        hits = []
        _hits = d.pop("hits")
        for hits_item_data in _hits:
            hits_item = ScreeningHit.from_dict(hits_item_data)

            hits.append(hits_item)

        lists = cast(list[str], d.pop("lists"))

        risk_classification_status = ScreeningOutcomeRiskClassificationStatus(
            d.pop("risk_classification_status")
        )

        screening_progress = ScreeningOutcomeScreeningProgress(
            d.pop("screening_progress")
        )

        screening_outcome = cls(
            hits=hits,
            lists=lists,
            risk_classification_status=risk_classification_status,
            screening_progress=screening_progress,
        )

        screening_outcome.additional_properties = d
        return screening_outcome

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
