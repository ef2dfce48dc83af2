from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_event_status import DocumentEventStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_event_signer import DocumentEventSigner


T = TypeVar("T", bound="DocumentEvent")


@_attrs_define
class DocumentEvent:
    """Seed 004's document webhook: `code` (the document id), `name`, `status` (seed 004's word),
    `url`, `tags`, `custom`; `signer` on NOTIFICATION, BLOCKED and REJECTED; `message` on
    BLOCKED (why) and REJECTED (the signer's).

        Attributes:
            code (str): The document's id.
            custom (list[str]):
            name (str):
            status (DocumentEventStatus): Seed 004's word for what happened (`GET /v1/codes?kind=document_webhook_status`).
            tags (list[str]):
            url (str): The PDF as signed so far.
            message (None | str | Unset): BLOCKED: why; REJECTED: the signer's message (`null` if none was kept).
            signer (DocumentEventSigner | None | Unset):
    """

    code: str
    custom: list[str]
    name: str
    status: DocumentEventStatus
    tags: list[str]
    url: str
    message: None | str | Unset = UNSET
    signer: DocumentEventSigner | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.document_event_signer import DocumentEventSigner

        code = self.code

        custom = self.custom

        name = self.name

        status = self.status.value

        tags = self.tags

        url = self.url

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        signer: dict[str, Any] | None | Unset
        if isinstance(self.signer, Unset):
            signer = UNSET
        elif isinstance(self.signer, DocumentEventSigner):
            signer = self.signer.to_dict()
        else:
            signer = self.signer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "custom": custom,
                "name": name,
                "status": status,
                "tags": tags,
                "url": url,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if signer is not UNSET:
            field_dict["signer"] = signer

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.document_event_signer import DocumentEventSigner

        d = dict(src_dict)
        code = d.pop("code")

        custom = cast(list[str], d.pop("custom"))

        name = d.pop("name")

        status = DocumentEventStatus(d.pop("status"))

        tags = cast(list[str], d.pop("tags"))

        url = d.pop("url")

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        def _parse_signer(data: object) -> DocumentEventSigner | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                signer_type_1 = DocumentEventSigner.from_dict(data)

                return signer_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DocumentEventSigner | None | Unset, data)

        signer = _parse_signer(d.pop("signer", UNSET))

        document_event = cls(
            code=code,
            custom=custom,
            name=name,
            status=status,
            tags=tags,
            url=url,
            message=message,
            signer=signer,
        )

        document_event.additional_properties = d
        return document_event

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
