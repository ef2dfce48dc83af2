from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SignerReminded")


@_attrs_define
class SignerReminded:
    """`document.signer_reminded`'s `data`: a signer whose turn it is was reminded.

    Attributes:
        automatic (bool): `true` for a reminder of the document's `reminders`, `false` for one asked for with
            `POST …/remind`.
        count (int): How many reminders the signer has had, this one included.
        document_id (str):
        document_name (str):
        email (None | str):
        number (None | str):
        phone (None | str):
        reminded_at (datetime.datetime): Tenant clock.
        signer_id (str):
        signer_name (str):
        url (str): The signer's hosted page, to send them again.
    """

    automatic: bool
    count: int
    document_id: str
    document_name: str
    email: None | str
    number: None | str
    phone: None | str
    reminded_at: datetime.datetime
    signer_id: str
    signer_name: str
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        automatic = self.automatic

        count = self.count

        document_id = self.document_id

        document_name = self.document_name

        email: None | str
        email = self.email

        number: None | str
        number = self.number

        phone: None | str
        phone = self.phone

        reminded_at = self.reminded_at.isoformat()

        signer_id = self.signer_id

        signer_name = self.signer_name

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "automatic": automatic,
                "count": count,
                "document_id": document_id,
                "document_name": document_name,
                "email": email,
                "number": number,
                "phone": phone,
                "reminded_at": reminded_at,
                "signer_id": signer_id,
                "signer_name": signer_name,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        automatic = d.pop("automatic")

        count = d.pop("count")

        document_id = d.pop("document_id")

        document_name = d.pop("document_name")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        number = _parse_number(d.pop("number"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        reminded_at = datetime.datetime.fromisoformat(d.pop("reminded_at"))

        signer_id = d.pop("signer_id")

        signer_name = d.pop("signer_name")

        url = d.pop("url")

        signer_reminded = cls(
            automatic=automatic,
            count=count,
            document_id=document_id,
            document_name=document_name,
            email=email,
            number=number,
            phone=phone,
            reminded_at=reminded_at,
            signer_id=signer_id,
            signer_name=signer_name,
            url=url,
        )

        signer_reminded.additional_properties = d
        return signer_reminded

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
