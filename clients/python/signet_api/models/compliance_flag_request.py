from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplianceFlagRequest")


@_attrs_define
class ComplianceFlagRequest:
    """A reviewer's compliance flag on a person.

    Attributes:
        flagged (bool): `true` flags the person: their advanced signers at work are held at `kyc_required`
            with status code 1035, for good. `false` clears the flag for new workflows.
        reason (None | str | Unset): Why, for the record: required when flagging, 1 to 2000 characters once trimmed;
            optional when clearing.
    """

    flagged: bool
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        flagged = self.flagged

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "flagged": flagged,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        flagged = d.pop("flagged")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        compliance_flag_request = cls(
            flagged=flagged,
            reason=reason,
        )

        return compliance_flag_request
