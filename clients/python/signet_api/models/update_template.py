from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.template_field_input import TemplateFieldInput


T = TypeVar("T", bound="UpdateTemplate")


@_attrs_define
class UpdateTemplate:
    """Changes to a template; absent (or `null`) members stay as they are. A change of `file`,
    `html`, `roles` or `fields` checks the fields again on the (new) file, and puts the
    template back in review where the tenant requires review. With `html`, the template's
    fields are those of its `<signet-field>` tags and of `fields` (the ones it had are
    replaced).

        Attributes:
            fields (list[TemplateFieldInput] | None | Unset): The template's fields, all of them (they replace the fields it
                has).
            file (None | str | Unset): The PDF, base64: required in a JSON request unless the template is written in `html`.
                With multipart, send it as the `file` part instead and the rest as the `data` part.
            html (None | str | Unset): The document written in HTML instead of `file`: the subset of `docs/html.md`,
                rendered to an A4 PDF by Signet. Each `<signet-field name type signer|role>` tag becomes a field placed where it
                stands (`signer` in a document, `role` in a template), beside those of `fields`. At most 2 MiB (else 413
                `file_too_large`); anything outside the subset is 422 `html_invalid` (76) naming its line and column. Give
                exactly one of `file` and `html`.
            name (None | str | Unset): 1 to 100 letters, digits, spaces and `.-_@`, not starting or ending with a space
                (else 400 `invalid_model` with return code 80); unique among your templates in this mode (else 409
                `template_name_taken` with 70).
            roles (list[str] | None | Unset): The roles a document's signers take, e.g. `["Client", "Bank"]`: 1 to 20
                distinct names of 1 to 100 characters.
    """

    fields: list[TemplateFieldInput] | None | Unset = UNSET
    file: None | str | Unset = UNSET
    html: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    roles: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fields: list[dict[str, Any]] | None | Unset
        if isinstance(self.fields, Unset):
            fields = UNSET
        elif isinstance(self.fields, list):
            fields = []
            for fields_type_0_item_data in self.fields:
                fields_type_0_item = fields_type_0_item_data.to_dict()
                fields.append(fields_type_0_item)

        else:
            fields = self.fields

        file: None | str | Unset
        if isinstance(self.file, Unset):
            file = UNSET
        else:
            file = self.file

        html: None | str | Unset
        if isinstance(self.html, Unset):
            html = UNSET
        else:
            html = self.html

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        roles: list[str] | None | Unset
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = self.roles

        else:
            roles = self.roles

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if fields is not UNSET:
            field_dict["fields"] = fields
        if file is not UNSET:
            field_dict["file"] = file
        if html is not UNSET:
            field_dict["html"] = html
        if name is not UNSET:
            field_dict["name"] = name
        if roles is not UNSET:
            field_dict["roles"] = roles

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.template_field_input import TemplateFieldInput

        d = dict(src_dict)

        def _parse_fields(data: object) -> list[TemplateFieldInput] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                fields_type_0 = []
                _fields_type_0 = data
                for fields_type_0_item_data in _fields_type_0:
                    fields_type_0_item = TemplateFieldInput.from_dict(
                        fields_type_0_item_data
                    )

                    fields_type_0.append(fields_type_0_item)

                return fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TemplateFieldInput] | None | Unset, data)

        fields = _parse_fields(d.pop("fields", UNSET))

        def _parse_file(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file = _parse_file(d.pop("file", UNSET))

        def _parse_html(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        html = _parse_html(d.pop("html", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_roles(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = cast(list[str], data)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))

        update_template = cls(
            fields=fields,
            file=file,
            html=html,
            name=name,
            roles=roles,
        )

        return update_template
