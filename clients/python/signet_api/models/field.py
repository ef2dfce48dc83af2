from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.field_type import FieldType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_area import FieldArea


T = TypeVar("T", bound="Field")


@_attrs_define
class Field:
    """A form field of a document and what it holds.

    Attributes:
        anchor (None | str): The text it was placed by, if any. Example: {{client_plan}}.
        area (FieldArea): Where a field is: page from 1; x, y, w, h fractions of the page from its top-left corner.
        filled (bool): Whether it holds its value: prefilled, or filled when its signer signed.
        name (str): Unique in the document; the PDF's form field of this name. Example: plan.
        options (list[str]): The choices of a `select`; empty for other types.
        readonly (bool): Prefilled by the integrator: the signer cannot change it.
        required (bool): The signer must fill it before approving (Signet fills `signature`, `name`, `date`).
        signer (int): The signer's index in `signers` (their `position`), from 0. Example: 0.
        type_ (FieldType):
        value (Any | Unset): What the field holds: a string (`text`, `initials`, `email`, `select`, `name`, `date` as
            YYYY-MM-DD, `image` as base64), a number (`number`) or `true` (`checkbox`); `null` until filled (a `signature`
            field always `null`).
    """

    anchor: None | str
    area: FieldArea
    filled: bool
    name: str
    options: list[str]
    readonly: bool
    required: bool
    signer: int
    type_: FieldType
    value: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        anchor: None | str
        anchor = self.anchor

        area = self.area.to_dict()

        filled = self.filled

        name = self.name

        options = self.options

        readonly = self.readonly

        required = self.required

        signer = self.signer

        type_ = self.type_.value

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "anchor": anchor,
                "area": area,
                "filled": filled,
                "name": name,
                "options": options,
                "readonly": readonly,
                "required": required,
                "signer": signer,
                "type": type_,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.field_area import FieldArea

        d = dict(src_dict)

        def _parse_anchor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        anchor = _parse_anchor(d.pop("anchor"))

        area = FieldArea.from_dict(d.pop("area"))

        filled = d.pop("filled")

        name = d.pop("name")

        options = cast(list[str], d.pop("options"))

        readonly = d.pop("readonly")

        required = d.pop("required")

        signer = d.pop("signer")

        type_ = FieldType(d.pop("type"))

        value = d.pop("value", UNSET)

        field = cls(
            anchor=anchor,
            area=area,
            filled=filled,
            name=name,
            options=options,
            readonly=readonly,
            required=required,
            signer=signer,
            type_=type_,
            value=value,
        )

        field.additional_properties = d
        return field

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
