from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.screening_hit_status import ScreeningHitStatus

if TYPE_CHECKING:
    from ..models.screening_explanation import ScreeningExplanation


T = TypeVar("T", bound="ScreeningHit")


@_attrs_define
class ScreeningHit:
    """A possible match of a person with a list entry, and its review.

    Attributes:
        created_at (datetime.datetime): Tenant clock.
        datasets (list[str]): The source datasets the list names for the entry; often empty.
        decided_at (datetime.datetime | None): Tenant clock.
        decided_by (None | str): Who decided, once decided: an API key id, or `operator:<email>` from the back office.
        entry_id (str): The list's own id of the entry.
        explanation (None | ScreeningExplanation):
        id (str):
        list_ (str): The list's id.
        matched_name (str): The name or alias that matched.
        name (str): The entry's primary name.
        note (None | str):
        person_id (str):
        score (float): From 0 to 1.
        status (ScreeningHitStatus):
        topics (list[str]): The entry's risk topics (FollowTheMoney's `sanction`, `role.pep`, `role.rca`, …;
            `sanction` for every entry of a list that gives none). A hit whose topics name a PEP or
            a PEP's relative or close associate and no sanction weighs on the person's
            `risk_classification_status` only; every other hit also holds `screening_progress`
            and signing.
    """

    created_at: datetime.datetime
    datasets: list[str]
    decided_at: datetime.datetime | None
    decided_by: None | str
    entry_id: str
    explanation: None | ScreeningExplanation
    id: str
    list_: str
    matched_name: str
    name: str
    note: None | str
    person_id: str
    score: float
    status: ScreeningHitStatus
    topics: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.screening_explanation import ScreeningExplanation

        created_at = self.created_at.isoformat()

        datasets = self.datasets

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by: None | str
        decided_by = self.decided_by

        entry_id = self.entry_id

        explanation: dict[str, Any] | None
        if isinstance(self.explanation, ScreeningExplanation):
            explanation = self.explanation.to_dict()
        else:
            explanation = self.explanation

        id = self.id

        list_ = self.list_

        matched_name = self.matched_name

        name = self.name

        note: None | str
        note = self.note

        person_id = self.person_id

        score = self.score

        status = self.status.value

        topics = self.topics

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "datasets": datasets,
                "decided_at": decided_at,
                "decided_by": decided_by,
                "entry_id": entry_id,
                "explanation": explanation,
                "id": id,
                "list": list_,
                "matched_name": matched_name,
                "name": name,
                "note": note,
                "person_id": person_id,
                "score": score,
                "status": status,
                "topics": topics,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.screening_explanation import ScreeningExplanation

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        datasets = cast(list[str], d.pop("datasets"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        entry_id = d.pop("entry_id")

        def _parse_explanation(data: object) -> None | ScreeningExplanation:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                explanation_type_1 = ScreeningExplanation.from_dict(data)

                return explanation_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScreeningExplanation, data)

        explanation = _parse_explanation(d.pop("explanation"))

        id = d.pop("id")

        list_ = d.pop("list")

        matched_name = d.pop("matched_name")

        name = d.pop("name")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        person_id = d.pop("person_id")

        score = d.pop("score")

        status = ScreeningHitStatus(d.pop("status"))

        topics = cast(list[str], d.pop("topics"))

        screening_hit = cls(
            created_at=created_at,
            datasets=datasets,
            decided_at=decided_at,
            decided_by=decided_by,
            entry_id=entry_id,
            explanation=explanation,
            id=id,
            list_=list_,
            matched_name=matched_name,
            name=name,
            note=note,
            person_id=person_id,
            score=score,
            status=status,
            topics=topics,
        )

        screening_hit.additional_properties = d
        return screening_hit

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
