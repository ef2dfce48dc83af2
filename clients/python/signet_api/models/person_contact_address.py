from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PersonContactAddress")


@_attrs_define
class PersonContactAddress:
    """Writable on creation and by PATCH.

    Attributes:
        city (None | str):
        country (None | str):
        line_1 (None | str):
        line_2 (None | str):
        postal_code (None | str):
        state (None | str):
    """

    city: None | str
    country: None | str
    line_1: None | str
    line_2: None | str
    postal_code: None | str
    state: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        city: None | str
        city = self.city

        country: None | str
        country = self.country

        line_1: None | str
        line_1 = self.line_1

        line_2: None | str
        line_2 = self.line_2

        postal_code: None | str
        postal_code = self.postal_code

        state: None | str
        state = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "city": city,
                "country": country,
                "line_1": line_1,
                "line_2": line_2,
                "postal_code": postal_code,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_city(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        city = _parse_city(d.pop("city"))

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        def _parse_line_1(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        line_1 = _parse_line_1(d.pop("line_1"))

        def _parse_line_2(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        line_2 = _parse_line_2(d.pop("line_2"))

        def _parse_postal_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        postal_code = _parse_postal_code(d.pop("postal_code"))

        def _parse_state(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        state = _parse_state(d.pop("state"))

        person_contact_address = cls(
            city=city,
            country=country,
            line_1=line_1,
            line_2=line_2,
            postal_code=postal_code,
            state=state,
        )

        person_contact_address.additional_properties = d
        return person_contact_address

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
