from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_signature_level import DocumentSignatureLevel
from ..models.document_signing_order import DocumentSigningOrder
from ..models.document_status import DocumentStatus

if TYPE_CHECKING:
    from ..models.field import Field
    from ..models.reminders import Reminders
    from ..models.signer import Signer


T = TypeVar("T", bound="Document")


@_attrs_define
class Document:
    """A document sent for signature, with its signers.

    Attributes:
        created_at (datetime.datetime):
        current_sha256 (str): SHA-256 of the file as signed so far.
        custom (list[str]): Free strings returned in every document webhook (seed 004).
        expires_at (datetime.datetime | None): Tenant clock.
        fields (list[Field]): The form fields placed on the document (`fields` on creation), in order, with their
            values; empty for a document without fields (one signature per signer, placed by
            Signet).
        file_url (str): The PDF as signed so far (`GET /v1/documents/{id}/file`).
        finished_at (datetime.datetime | None):
        id (str):
        message (None | str): REJECTED's message, or BLOCKED's reason.
        name (str):
        number (None | str): The integrator's document number (`GET /v1/documents?number=` finds it).
        pages (int):
        reminders (None | Reminders):
        sha256 (str): SHA-256 of the original file.
        signature_level (DocumentSignatureLevel):
        signatures (int): Signers who signed.
        signers (list[Signer]):
        signing_order (DocumentSigningOrder):
        size (int): Bytes of the original file.
        status (DocumentStatus):
        tags (list[str]):
        updated_at (datetime.datetime):
    """

    created_at: datetime.datetime
    current_sha256: str
    custom: list[str]
    expires_at: datetime.datetime | None
    fields: list[Field]
    file_url: str
    finished_at: datetime.datetime | None
    id: str
    message: None | str
    name: str
    number: None | str
    pages: int
    reminders: None | Reminders
    sha256: str
    signature_level: DocumentSignatureLevel
    signatures: int
    signers: list[Signer]
    signing_order: DocumentSigningOrder
    size: int
    status: DocumentStatus
    tags: list[str]
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reminders import Reminders

        created_at = self.created_at.isoformat()

        current_sha256 = self.current_sha256

        custom = self.custom

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        file_url = self.file_url

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        id = self.id

        message: None | str
        message = self.message

        name = self.name

        number: None | str
        number = self.number

        pages = self.pages

        reminders: dict[str, Any] | None
        if isinstance(self.reminders, Reminders):
            reminders = self.reminders.to_dict()
        else:
            reminders = self.reminders

        sha256 = self.sha256

        signature_level = self.signature_level.value

        signatures = self.signatures

        signers = []
        for signers_item_data in self.signers:
            signers_item = signers_item_data.to_dict()
            signers.append(signers_item)

        signing_order = self.signing_order.value

        size = self.size

        status = self.status.value

        tags = self.tags

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "current_sha256": current_sha256,
                "custom": custom,
                "expires_at": expires_at,
                "fields": fields,
                "file_url": file_url,
                "finished_at": finished_at,
                "id": id,
                "message": message,
                "name": name,
                "number": number,
                "pages": pages,
                "reminders": reminders,
                "sha256": sha256,
                "signature_level": signature_level,
                "signatures": signatures,
                "signers": signers,
                "signing_order": signing_order,
                "size": size,
                "status": status,
                "tags": tags,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.field import Field
        from ..models.reminders import Reminders
        from ..models.signer import Signer

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        current_sha256 = d.pop("current_sha256")

        custom = cast(list[str], d.pop("custom"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = Field.from_dict(fields_item_data)

            fields.append(fields_item)

        file_url = d.pop("file_url")

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        id = d.pop("id")

        def _parse_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message = _parse_message(d.pop("message"))

        name = d.pop("name")

        def _parse_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        number = _parse_number(d.pop("number"))

        pages = d.pop("pages")

        def _parse_reminders(data: object) -> None | Reminders:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reminders_type_1 = Reminders.from_dict(data)

                return reminders_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Reminders, data)

        reminders = _parse_reminders(d.pop("reminders"))

        sha256 = d.pop("sha256")

        signature_level = DocumentSignatureLevel(d.pop("signature_level"))

        signatures = d.pop("signatures")

        signers = []
        _signers = d.pop("signers")
        for signers_item_data in _signers:
            signers_item = Signer.from_dict(signers_item_data)

            signers.append(signers_item)

        signing_order = DocumentSigningOrder(d.pop("signing_order"))

        size = d.pop("size")

        status = DocumentStatus(d.pop("status"))

        tags = cast(list[str], d.pop("tags"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        document = cls(
            created_at=created_at,
            current_sha256=current_sha256,
            custom=custom,
            expires_at=expires_at,
            fields=fields,
            file_url=file_url,
            finished_at=finished_at,
            id=id,
            message=message,
            name=name,
            number=number,
            pages=pages,
            reminders=reminders,
            sha256=sha256,
            signature_level=signature_level,
            signatures=signatures,
            signers=signers,
            signing_order=signing_order,
            size=size,
            status=status,
            tags=tags,
            updated_at=updated_at,
        )

        document.additional_properties = d
        return document

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
