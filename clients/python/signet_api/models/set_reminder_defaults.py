from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reminders_input import RemindersInput


T = TypeVar("T", bound="SetReminderDefaults")


@_attrs_define
class SetReminderDefaults:
    """
    Attributes:
        reminders (None | RemindersInput | Unset):
    """

    reminders: None | RemindersInput | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.reminders_input import RemindersInput

        reminders: dict[str, Any] | None | Unset
        if isinstance(self.reminders, Unset):
            reminders = UNSET
        elif isinstance(self.reminders, RemindersInput):
            reminders = self.reminders.to_dict()
        else:
            reminders = self.reminders

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if reminders is not UNSET:
            field_dict["reminders"] = reminders

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.reminders_input import RemindersInput

        d = dict(src_dict)

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

        set_reminder_defaults = cls(
            reminders=reminders,
        )

        return set_reminder_defaults
