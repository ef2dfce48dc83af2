from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.screening_adjustment import ScreeningAdjustment
    from ..models.screening_evidence import ScreeningEvidence
    from ..models.screening_token_match import ScreeningTokenMatch


T = TypeVar("T", bound="ScreeningExplanation")


@_attrs_define
class ScreeningExplanation:
    """Why a match scored what it scored: enough for a reviewer to agree or to mark it a false
    positive without re-doing the comparison.

        Attributes:
            adjustments (list[ScreeningAdjustment]): What the birth date, nationality and name shape added or took away.
            birth_date (None | ScreeningEvidence):
            name_score (float): The score from names alone, before the adjustments.
            nationality (None | ScreeningEvidence):
            normalized_name (str): The list name as compared.
            normalized_query (str): The query as compared: folded, transliterated, tokenised.
            summary (str): One sentence for the reviewer.
            tokens (list[ScreeningTokenMatch]): Each query token and the list token it met.
            unmatched_list_tokens (list[str]):
            unmatched_query_tokens (list[str]):
    """

    adjustments: list[ScreeningAdjustment]
    birth_date: None | ScreeningEvidence
    name_score: float
    nationality: None | ScreeningEvidence
    normalized_name: str
    normalized_query: str
    summary: str
    tokens: list[ScreeningTokenMatch]
    unmatched_list_tokens: list[str]
    unmatched_query_tokens: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.screening_evidence import ScreeningEvidence

        adjustments = []
        for adjustments_item_data in self.adjustments:
            adjustments_item = adjustments_item_data.to_dict()
            adjustments.append(adjustments_item)

        birth_date: dict[str, Any] | None
        if isinstance(self.birth_date, ScreeningEvidence):
            birth_date = self.birth_date.to_dict()
        else:
            birth_date = self.birth_date

        name_score = self.name_score

        nationality: dict[str, Any] | None
        if isinstance(self.nationality, ScreeningEvidence):
            nationality = self.nationality.to_dict()
        else:
            nationality = self.nationality

        normalized_name = self.normalized_name

        normalized_query = self.normalized_query

        summary = self.summary

        tokens = []
        for tokens_item_data in self.tokens:
            tokens_item = tokens_item_data.to_dict()
            tokens.append(tokens_item)

        unmatched_list_tokens = self.unmatched_list_tokens

        unmatched_query_tokens = self.unmatched_query_tokens

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjustments": adjustments,
                "birth_date": birth_date,
                "name_score": name_score,
                "nationality": nationality,
                "normalized_name": normalized_name,
                "normalized_query": normalized_query,
                "summary": summary,
                "tokens": tokens,
                "unmatched_list_tokens": unmatched_list_tokens,
                "unmatched_query_tokens": unmatched_query_tokens,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.screening_adjustment import ScreeningAdjustment
        from ..models.screening_evidence import ScreeningEvidence
        from ..models.screening_token_match import ScreeningTokenMatch

        d = dict(src_dict)
        adjustments = []
        _adjustments = d.pop("adjustments")
        for adjustments_item_data in _adjustments:
            adjustments_item = ScreeningAdjustment.from_dict(adjustments_item_data)

            adjustments.append(adjustments_item)

        def _parse_birth_date(data: object) -> None | ScreeningEvidence:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                birth_date_type_1 = ScreeningEvidence.from_dict(data)

                return birth_date_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScreeningEvidence, data)

        birth_date = _parse_birth_date(d.pop("birth_date"))

        name_score = d.pop("name_score")

        def _parse_nationality(data: object) -> None | ScreeningEvidence:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                nationality_type_1 = ScreeningEvidence.from_dict(data)

                return nationality_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScreeningEvidence, data)

        nationality = _parse_nationality(d.pop("nationality"))

        normalized_name = d.pop("normalized_name")

        normalized_query = d.pop("normalized_query")

        summary = d.pop("summary")

        tokens = []
        _tokens = d.pop("tokens")
        for tokens_item_data in _tokens:
            tokens_item = ScreeningTokenMatch.from_dict(tokens_item_data)

            tokens.append(tokens_item)

        unmatched_list_tokens = cast(list[str], d.pop("unmatched_list_tokens"))

        unmatched_query_tokens = cast(list[str], d.pop("unmatched_query_tokens"))

        screening_explanation = cls(
            adjustments=adjustments,
            birth_date=birth_date,
            name_score=name_score,
            nationality=nationality,
            normalized_name=normalized_name,
            normalized_query=normalized_query,
            summary=summary,
            tokens=tokens,
            unmatched_list_tokens=unmatched_list_tokens,
            unmatched_query_tokens=unmatched_query_tokens,
        )

        screening_explanation.additional_properties = d
        return screening_explanation

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
