from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_object_code import ErrorObjectCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_source import ErrorSource


T = TypeVar("T", bound="ErrorObject")


@_attrs_define
class ErrorObject:
    """One entry of the `errors` array.

    Attributes:
        code (ErrorObjectCode): A stable code; see `GET /v1/codes` (kind `error_code`).
        detail (str):
        id (str): The request id.
        status (int):
        title (str):
        return_code (int | None | Unset): Seed 001's numeric return code, where one matches.
        source (ErrorSource | None | Unset):
    """

    code: ErrorObjectCode
    detail: str
    id: str
    status: int
    title: str
    return_code: int | None | Unset = UNSET
    source: ErrorSource | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.error_source import ErrorSource

        code = self.code.value

        detail = self.detail

        id = self.id

        status = self.status

        title = self.title

        return_code: int | None | Unset
        if isinstance(self.return_code, Unset):
            return_code = UNSET
        else:
            return_code = self.return_code

        source: dict[str, Any] | None | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, ErrorSource):
            source = self.source.to_dict()
        else:
            source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "detail": detail,
                "id": id,
                "status": status,
                "title": title,
            }
        )
        if return_code is not UNSET:
            field_dict["return_code"] = return_code
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.error_source import ErrorSource

        d = dict(src_dict)
        code = ErrorObjectCode(d.pop("code"))

        detail = d.pop("detail")

        id = d.pop("id")

        status = d.pop("status")

        title = d.pop("title")

        def _parse_return_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        return_code = _parse_return_code(d.pop("return_code", UNSET))

        def _parse_source(data: object) -> ErrorSource | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                source_type_1 = ErrorSource.from_dict(data)

                return source_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorSource | None | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        error_object = cls(
            code=code,
            detail=detail,
            id=id,
            status=status,
            title=title,
            return_code=return_code,
            source=source,
        )

        error_object.additional_properties = d
        return error_object

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
