from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.template_field_type import TemplateFieldType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_area import FieldArea


T = TypeVar("T", bound="TemplateField")


@_attrs_define
class TemplateField:
    """A field of a template: a document's field naming a `role` instead of a signer.

    Attributes:
        anchor (None | str): The text it was placed by, if any. Example: {{client_plan}}.
        area (FieldArea): Where a field is: page from 1; x, y, w, h fractions of the page from its top-left corner.
        name (str): Unique in the template; the PDF's form field of this name, and the key of a
            document's `values`. Example: plan.
        options (list[str]): The choices of a `select`; empty for other types.
        required (bool):
        role (str): One of the template's `roles`: whose field it is. Example: Client.
        type_ (TemplateFieldType):
        value (Any | Unset): A value prefilled in the template itself (read-only for every document's signer); `null`
            for none. A document prefills more with its `values`.
    """

    anchor: None | str
    area: FieldArea
    name: str
    options: list[str]
    required: bool
    role: str
    type_: TemplateFieldType
    value: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        anchor: None | str
        anchor = self.anchor

        area = self.area.to_dict()

        name = self.name

        options = self.options

        required = self.required

        role = self.role

        type_ = self.type_.value

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "anchor": anchor,
                "area": area,
                "name": name,
                "options": options,
                "required": required,
                "role": role,
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

        name = d.pop("name")

        options = cast(list[str], d.pop("options"))

        required = d.pop("required")

        role = d.pop("role")

        type_ = TemplateFieldType(d.pop("type"))

        value = d.pop("value", UNSET)

        template_field = cls(
            anchor=anchor,
            area=area,
            name=name,
            options=options,
            required=required,
            role=role,
            type_=type_,
            value=value,
        )

        template_field.additional_properties = d
        return template_field

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
