from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.template_field_input import TemplateFieldInput


T = TypeVar("T", bound="CreateTemplate")


@_attrs_define
class CreateTemplate:
    """A new template.

    Attributes:
        name (str): 1 to 100 letters, digits, spaces and `.-_@`, not starting or ending with a space (else 400
            `invalid_model` with return code 80); unique among your templates in this mode (else 409 `template_name_taken`
            with 70).
        roles (list[str]): The roles a document's signers take, e.g. `["Client", "Bank"]`: 1 to 20 distinct names of 1
            to 100 characters.
        fields (list[TemplateFieldInput] | Unset): The fields of every document sent from it, each tied to a role.
            Placed by an `area`
            or an `anchor` text of the PDF; a field not where it can be is 422
            `field_position_invalid` (95).
        file (None | str | Unset): The PDF, base64: required in a JSON request unless the template is written in `html`.
            With multipart, send it as the `file` part instead and the rest as the `data` part.
        html (None | str | Unset): The document written in HTML instead of `file`: the subset of `docs/html.md`,
            rendered to an A4 PDF by Signet. Each `<signet-field name type signer|role>` tag becomes a field placed where it
            stands (`signer` in a document, `role` in a template), beside those of `fields`. At most 2 MiB (else 413
            `file_too_large`); anything outside the subset is 422 `html_invalid` (76) naming its line and column. Give
            exactly one of `file` and `html`.
    """

    name: str
    roles: list[str]
    fields: list[TemplateFieldInput] | Unset = UNSET
    file: None | str | Unset = UNSET
    html: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        roles = self.roles

        fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = []
            for fields_item_data in self.fields:
                fields_item = fields_item_data.to_dict()
                fields.append(fields_item)

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "roles": roles,
            }
        )
        if fields is not UNSET:
            field_dict["fields"] = fields
        if file is not UNSET:
            field_dict["file"] = file
        if html is not UNSET:
            field_dict["html"] = html

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.template_field_input import TemplateFieldInput

        d = dict(src_dict)
        name = d.pop("name")

        roles = cast(list[str], d.pop("roles"))

        _fields = d.pop("fields", UNSET)
        fields: list[TemplateFieldInput] | Unset = UNSET
        if _fields is not UNSET:
            fields = []
            for fields_item_data in _fields:
                fields_item = TemplateFieldInput.from_dict(fields_item_data)

                fields.append(fields_item)

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

        create_template = cls(
            name=name,
            roles=roles,
            fields=fields,
            file=file,
            html=html,
        )

        return create_template
