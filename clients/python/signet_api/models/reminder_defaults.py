from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reminders import Reminders


T = TypeVar("T", bound="ReminderDefaults")


@_attrs_define
class ReminderDefaults:
    """The tenant's default reminders for new documents in this mode.

    Attributes:
        reminders (None | Reminders):
    """

    reminders: None | Reminders
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reminders import Reminders

        reminders: dict[str, Any] | None
        if isinstance(self.reminders, Reminders):
            reminders = self.reminders.to_dict()
        else:
            reminders = self.reminders

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reminders": reminders,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.reminders import Reminders

        d = dict(src_dict)

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

        reminder_defaults = cls(
            reminders=reminders,
        )

        reminder_defaults.additional_properties = d
        return reminder_defaults

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
