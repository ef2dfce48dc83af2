from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.selfie_review_decision import SelfieReviewDecision

T = TypeVar("T", bound="SelfieReview")


@_attrs_define
class SelfieReview:
    """
    Attributes:
        decision (SelfieReviewDecision): `accept` (same person as the identification) or `reject`.
    """

    decision: SelfieReviewDecision

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        decision = SelfieReviewDecision(d.pop("decision"))

        selfie_review = cls(
            decision=decision,
        )

        return selfie_review
