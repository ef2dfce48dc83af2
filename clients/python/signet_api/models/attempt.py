from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attempt_check_status import AttemptCheckStatus
from ..models.attempt_response_code import AttemptResponseCode
from ..models.attempt_status import AttemptStatus

T = TypeVar("T", bound="Attempt")


@_attrs_define
class Attempt:
    """One try of an identification (seed 003).

    Attributes:
        check_status (AttemptCheckStatus | None): The check status (seed 003) the response code leads to: `declined`
            (document issue, copy issue, identity fraud, suspicious behaviour), `retry_required` (user engagement,
            technical, capture issues, internal error: start a new attempt), `refused` (the applicant refused) or
            `approved`; `null` while no code is known and for `attempt_closed`. The same as the code's `status` in `GET
            /v1/codes`.
        created_at (datetime.datetime):
        id (str):
        identification_id (str):
        response_code (AttemptResponseCode | None): A code of the catalogue's `attempt_response_code` kind, once known.
        status (AttemptStatus):
        updated_at (datetime.datetime):
    """

    check_status: AttemptCheckStatus | None
    created_at: datetime.datetime
    id: str
    identification_id: str
    response_code: AttemptResponseCode | None
    status: AttemptStatus
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        check_status: None | str
        if isinstance(self.check_status, AttemptCheckStatus):
            check_status = self.check_status.value
        else:
            check_status = self.check_status

        created_at = self.created_at.isoformat()

        id = self.id

        identification_id = self.identification_id

        response_code: None | str
        if isinstance(self.response_code, AttemptResponseCode):
            response_code = self.response_code.value
        else:
            response_code = self.response_code

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "check_status": check_status,
                "created_at": created_at,
                "id": id,
                "identification_id": identification_id,
                "response_code": response_code,
                "status": status,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_check_status(data: object) -> AttemptCheckStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                check_status_check_status = AttemptCheckStatus(data)

                return check_status_check_status
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AttemptCheckStatus | None, data)

        check_status = _parse_check_status(d.pop("check_status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        identification_id = d.pop("identification_id")

        def _parse_response_code(data: object) -> AttemptResponseCode | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                response_code_response_code = AttemptResponseCode(data)

                return response_code_response_code
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AttemptResponseCode | None, data)

        response_code = _parse_response_code(d.pop("response_code"))

        status = AttemptStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        attempt = cls(
            check_status=check_status,
            created_at=created_at,
            id=id,
            identification_id=identification_id,
            response_code=response_code,
            status=status,
            updated_at=updated_at,
        )

        attempt.additional_properties = d
        return attempt

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
