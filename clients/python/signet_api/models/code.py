from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.code_kind import CodeKind

T = TypeVar("T", bound="Code")


@_attrs_define
class Code:
    """One published code: a status, status code, reason, response code, return code or API
    error code. Fields that do not apply to its kind are `null`.

        Attributes:
            action (None | str): What the integrator should do, where the source says.
            category (None | str): The source's grouping (reason categories, response-code categories).
            caused_by_user (bool | None): For identification reasons: whether the user caused it (`null` where the source
                says
                "-").
            code (str): The stable string: `TECH_TIMEOUT`, `6008`, `66`, `invalid_model`.
            description (str): What it means, in the source's words.
            kind (CodeKind):
            permanent (bool | None): For identification reasons: whether a retry cannot solve the failure.
            retryable (bool | None): Whether trying again (a new workflow, attempt or request) can succeed.
            return_code (int | None): Seed 001's numeric return code: the code itself for return codes, the matching one for
                error codes that have one.
            status (None | str): For signature status codes: the status they accompany. For document webhook words: the
                document status. For attempt response codes: the check status (seed 003) they lead to,
                `approved`, `declined`, `retry_required` or `refused` (`null` for `attempt_closed`).
                For error codes: the HTTP status sent.
    """

    action: None | str
    category: None | str
    caused_by_user: bool | None
    code: str
    description: str
    kind: CodeKind
    permanent: bool | None
    retryable: bool | None
    return_code: int | None
    status: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action: None | str
        action = self.action

        category: None | str
        category = self.category

        caused_by_user: bool | None
        caused_by_user = self.caused_by_user

        code = self.code

        description = self.description

        kind = self.kind.value

        permanent: bool | None
        permanent = self.permanent

        retryable: bool | None
        retryable = self.retryable

        return_code: int | None
        return_code = self.return_code

        status: None | str
        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "category": category,
                "caused_by_user": caused_by_user,
                "code": code,
                "description": description,
                "kind": kind,
                "permanent": permanent,
                "retryable": retryable,
                "return_code": return_code,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_action(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        action = _parse_action(d.pop("action"))

        def _parse_category(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        category = _parse_category(d.pop("category"))

        def _parse_caused_by_user(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        caused_by_user = _parse_caused_by_user(d.pop("caused_by_user"))

        code = d.pop("code")

        description = d.pop("description")

        kind = CodeKind(d.pop("kind"))

        def _parse_permanent(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        permanent = _parse_permanent(d.pop("permanent"))

        def _parse_retryable(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        retryable = _parse_retryable(d.pop("retryable"))

        def _parse_return_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        return_code = _parse_return_code(d.pop("return_code"))

        def _parse_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status = _parse_status(d.pop("status"))

        code = cls(
            action=action,
            category=category,
            caused_by_user=caused_by_user,
            code=code,
            description=description,
            kind=kind,
            permanent=permanent,
            retryable=retryable,
            return_code=return_code,
            status=status,
        )

        code.additional_properties = d
        return code

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
