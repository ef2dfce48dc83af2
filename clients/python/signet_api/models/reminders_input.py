from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RemindersInput")


@_attrs_define
class RemindersInput:
    """When signers are reminded, in seconds of the tenant clock.

    Attributes:
        after (int): After the signer was asked (their turn came): 3600 to 31536000 (an hour to a year).
        every (int): Then again after this long: 3600 to 31536000.
        max_ (int): At most this many reminders per signer: 0 (none) to 20.
    """

    after: int
    every: int
    max_: int

    def to_dict(self) -> dict[str, Any]:
        after = self.after

        every = self.every

        max_ = self.max_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "after": after,
                "every": every,
                "max": max_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        after = d.pop("after")

        every = d.pop("every")

        max_ = d.pop("max")

        reminders_input = cls(
            after=after,
            every=every,
            max_=max_,
        )

        return reminders_input
