from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.create_document_signature_level import CreateDocumentSignatureLevel
from ..models.create_document_signing_order import CreateDocumentSigningOrder
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_document_signers_item import CreateDocumentSignersItem
    from ..models.create_document_values_type_0 import CreateDocumentValuesType0
    from ..models.field_input import FieldInput
    from ..models.reminders_input import RemindersInput


T = TypeVar("T", bound="CreateDocument")


@_attrs_define
class CreateDocument:
    """
    Attributes:
        name (str): 1 to 255 characters once trimmed.
        signers (list[CreateDocumentSignersItem]): At least one signer, and at most the tenant's limit (20 unless the
            operator set another with `signet tenant limits`; more is return code 75).
        custom (list[str] | Unset): Free strings returned in every document webhook (seed 004): at most 20, each 1 to
            1000 characters once trimmed; repeats are dropped.
        expires_at (datetime.datetime | None | Unset): The document expires then (tenant clock); in the future.
        fields (list[FieldInput] | None | Unset): Form fields to place on the document, each tied to a signer: where
            their signature
            goes, what they fill in (on approval, `values`) and what Signet fills (`name`, `date`).
            Placed by an `area` or an `anchor` text of the PDF; a field off its page, on a page
            the document does not have, overlapping another, or whose anchor is not found is 422
            `field_position_invalid` (95). Absent: one signature per signer, placed by Signet.
        file (None | str | Unset): The PDF, base64: required in a JSON request, unless the document is written in `html`
            or sent from a template (`template_id`), which brings its own. With multipart, send it as the `file` part
            instead and the rest as the `data` part.
        html (None | str | Unset): The document written in HTML instead of `file`: the subset of `docs/html.md`,
            rendered to an A4 PDF by Signet. Each `<signet-field name type signer|role>` tag becomes a field placed where it
            stands (`signer` in a document, `role` in a template), beside those of `fields`. At most 2 MiB (else 413
            `file_too_large`); anything outside the subset is 422 `html_invalid` (76) naming its line and column. Give
            exactly one of `file` and `html`.
        number (None | str | Unset): Your document number: 1 to 64 letters, digits and `@_,-` (else 400 with return code
            81), unique among your documents in this mode (else 409 `document_number_taken` with 73). `GET
            /v1/documents?number=` finds it.
        reminders (None | RemindersInput | Unset):
        signature_level (CreateDocumentSignatureLevel | None | Unset): `simple` (default) or `advanced`.
        signing_order (CreateDocumentSigningOrder | None | Unset): `parallel` (default) or `sequential`.
        tags (list[str] | Unset): At most 20, each 1 to 100 characters once trimmed; repeats are dropped.
        template_id (None | str | Unset): Send the document from this template (`/v1/templates`): its PDF and fields,
            each
            role's fields given to the signer with that `role`; then `file` and `fields` are not
            given. An unknown template is 404 `template_not_found` (88), a draft awaiting review
            422 `template_not_approved` (94). Example: 5f0c1f2a9d3b4e6f8a7b6c5d4e3f2a1btpl.
        values (CreateDocumentValuesType0 | None | Unset): With `template_id`: values to prefill, by field name
            (`{"plan": "Premium"}`), each
            of its field's type as a field's `value`; a prefilled field is read-only for its
            signer.
    """

    name: str
    signers: list[CreateDocumentSignersItem]
    custom: list[str] | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    fields: list[FieldInput] | None | Unset = UNSET
    file: None | str | Unset = UNSET
    html: None | str | Unset = UNSET
    number: None | str | Unset = UNSET
    reminders: None | RemindersInput | Unset = UNSET
    signature_level: CreateDocumentSignatureLevel | None | Unset = UNSET
    signing_order: CreateDocumentSigningOrder | None | Unset = UNSET
    tags: list[str] | Unset = UNSET
    template_id: None | str | Unset = UNSET
    values: CreateDocumentValuesType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.create_document_values_type_0 import CreateDocumentValuesType0
        from ..models.reminders_input import RemindersInput

        name = self.name

        signers = []
        for signers_item_data in self.signers:
            signers_item = signers_item_data.to_dict()
            signers.append(signers_item)

        custom: list[str] | Unset = UNSET
        if not isinstance(self.custom, Unset):
            custom = self.custom

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

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

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        reminders: dict[str, Any] | None | Unset
        if isinstance(self.reminders, Unset):
            reminders = UNSET
        elif isinstance(self.reminders, RemindersInput):
            reminders = self.reminders.to_dict()
        else:
            reminders = self.reminders

        signature_level: None | str | Unset
        if isinstance(self.signature_level, Unset):
            signature_level = UNSET
        elif isinstance(self.signature_level, CreateDocumentSignatureLevel):
            signature_level = self.signature_level.value
        else:
            signature_level = self.signature_level

        signing_order: None | str | Unset
        if isinstance(self.signing_order, Unset):
            signing_order = UNSET
        elif isinstance(self.signing_order, CreateDocumentSigningOrder):
            signing_order = self.signing_order.value
        else:
            signing_order = self.signing_order

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        else:
            template_id = self.template_id

        values: dict[str, Any] | None | Unset
        if isinstance(self.values, Unset):
            values = UNSET
        elif isinstance(self.values, CreateDocumentValuesType0):
            values = self.values.to_dict()
        else:
            values = self.values

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "signers": signers,
            }
        )
        if custom is not UNSET:
            field_dict["custom"] = custom
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if fields is not UNSET:
            field_dict["fields"] = fields
        if file is not UNSET:
            field_dict["file"] = file
        if html is not UNSET:
            field_dict["html"] = html
        if number is not UNSET:
            field_dict["number"] = number
        if reminders is not UNSET:
            field_dict["reminders"] = reminders
        if signature_level is not UNSET:
            field_dict["signature_level"] = signature_level
        if signing_order is not UNSET:
            field_dict["signing_order"] = signing_order
        if tags is not UNSET:
            field_dict["tags"] = tags
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if values is not UNSET:
            field_dict["values"] = values

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.create_document_signers_item import CreateDocumentSignersItem
        from ..models.create_document_values_type_0 import CreateDocumentValuesType0
        from ..models.field_input import FieldInput
        from ..models.reminders_input import RemindersInput

        d = dict(src_dict)
        name = d.pop("name")

        signers = []
        _signers = d.pop("signers")
        for signers_item_data in _signers:
            signers_item = CreateDocumentSignersItem.from_dict(signers_item_data)

            signers.append(signers_item)

        custom = cast(list[str], d.pop("custom", UNSET))

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        def _parse_fields(data: object) -> list[FieldInput] | None | Unset:
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
                    fields_type_0_item = FieldInput.from_dict(fields_type_0_item_data)

                    fields_type_0.append(fields_type_0_item)

                return fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FieldInput] | None | Unset, data)

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

        def _parse_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

        def _parse_reminders(data: object) -> None | RemindersInput | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reminders_type_1 = RemindersInput.from_dict(data)

                return reminders_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RemindersInput | Unset, data)

        reminders = _parse_reminders(d.pop("reminders", UNSET))

        def _parse_signature_level(
            data: object,
        ) -> CreateDocumentSignatureLevel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signature_level_signature_level = CreateDocumentSignatureLevel(data)

                return signature_level_signature_level
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateDocumentSignatureLevel | None | Unset, data)

        signature_level = _parse_signature_level(d.pop("signature_level", UNSET))

        def _parse_signing_order(
            data: object,
        ) -> CreateDocumentSigningOrder | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signing_order_signing_order = CreateDocumentSigningOrder(data)

                return signing_order_signing_order
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateDocumentSigningOrder | None | Unset, data)

        signing_order = _parse_signing_order(d.pop("signing_order", UNSET))

        tags = cast(list[str], d.pop("tags", UNSET))

        def _parse_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template_id = _parse_template_id(d.pop("template_id", UNSET))

        def _parse_values(data: object) -> CreateDocumentValuesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                values_type_0 = CreateDocumentValuesType0.from_dict(data)

                return values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateDocumentValuesType0 | None | Unset, data)

        values = _parse_values(d.pop("values", UNSET))

        create_document = cls(
            name=name,
            signers=signers,
            custom=custom,
            expires_at=expires_at,
            fields=fields,
            file=file,
            html=html,
            number=number,
            reminders=reminders,
            signature_level=signature_level,
            signing_order=signing_order,
            tags=tags,
            template_id=template_id,
            values=values,
        )

        return create_document
