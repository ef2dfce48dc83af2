from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.template_field_input_type import TemplateFieldInputType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_area_input import FieldAreaInput


T = TypeVar("T", bound="TemplateFieldInput")


@_attrs_define
class TemplateFieldInput:
    """A field of a template: as a document's `fields`, with the `role` whose signer fills it
    instead of a signer's index.

        Attributes:
            name (str): 1 to 100 characters, unique in the template: the PDF's form field of this name, and
                the key of a document's `values`. Example: plan.
            role (str): One of `roles`. Example: Client.
            type_ (TemplateFieldInputType): `signature` (where the signer's signature goes), `initials`, `name` (the
                signer's name, filled by Signet), `email`, `date` (the signing date, filled by Signet), `text`, `number`,
                `checkbox`, `select` (one of `options`), `image` (a PNG or JPEG).
            anchor (None | str | Unset): A text of the PDF (e.g. `{{client_plan}}`) the field covers; give this or `area`.
                Example: {{client_plan}}.
            area (FieldAreaInput | None | Unset):
            options (list[str] | None | Unset): The choices of a `select`: 1 to 100 distinct strings; only for `select`.
                Example: ['Basic', 'Premium'].
            required (bool | None | Unset): Whether the signer must fill it before approving (default `true`). Example:
                True.
            value (Any | Unset): A prefilled value, which makes the field read-only for the signer: a string (`text`,
                `initials`, `email`, `select` — one of `options` —, `image` as base64 PNG or JPEG of at most 1 MB), a number
                (`number`) or a boolean (`checkbox`). Not for `signature`, `name` and `date`, which Signet fills.
    """

    name: str
    role: str
    type_: TemplateFieldInputType
    anchor: None | str | Unset = UNSET
    area: FieldAreaInput | None | Unset = UNSET
    options: list[str] | None | Unset = UNSET
    required: bool | None | Unset = UNSET
    value: Any | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.field_area_input import FieldAreaInput

        name = self.name

        role = self.role

        type_ = self.type_.value

        anchor: None | str | Unset
        if isinstance(self.anchor, Unset):
            anchor = UNSET
        else:
            anchor = self.anchor

        area: dict[str, Any] | None | Unset
        if isinstance(self.area, Unset):
            area = UNSET
        elif isinstance(self.area, FieldAreaInput):
            area = self.area.to_dict()
        else:
            area = self.area

        options: list[str] | None | Unset
        if isinstance(self.options, Unset):
            options = UNSET
        elif isinstance(self.options, list):
            options = self.options

        else:
            options = self.options

        required: bool | None | Unset
        if isinstance(self.required, Unset):
            required = UNSET
        else:
            required = self.required

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "role": role,
                "type": type_,
            }
        )
        if anchor is not UNSET:
            field_dict["anchor"] = anchor
        if area is not UNSET:
            field_dict["area"] = area
        if options is not UNSET:
            field_dict["options"] = options
        if required is not UNSET:
            field_dict["required"] = required
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.field_area_input import FieldAreaInput

        d = dict(src_dict)
        name = d.pop("name")

        role = d.pop("role")

        type_ = TemplateFieldInputType(d.pop("type"))

        def _parse_anchor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        anchor = _parse_anchor(d.pop("anchor", UNSET))

        def _parse_area(data: object) -> FieldAreaInput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                area_type_1 = FieldAreaInput.from_dict(data)

                return area_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FieldAreaInput | None | Unset, data)

        area = _parse_area(d.pop("area", UNSET))

        def _parse_options(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                options_type_0 = cast(list[str], data)

                return options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        options = _parse_options(d.pop("options", UNSET))

        def _parse_required(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        required = _parse_required(d.pop("required", UNSET))

        value = d.pop("value", UNSET)

        template_field_input = cls(
            name=name,
            role=role,
            type_=type_,
            anchor=anchor,
            area=area,
            options=options,
            required=required,
            value=value,
        )

        return template_field_input
