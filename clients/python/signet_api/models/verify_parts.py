from __future__ import annotations

import datetime
from collections.abc import Mapping
from io import BytesIO
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from .. import types
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="VerifyParts")


@_attrs_define
class VerifyParts:
    """
    Attributes:
        file (File):
        validation_time (datetime.datetime | Unset): The time certificates are judged at; default now
    """

    file: File
    validation_time: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        validation_time: str | Unset = UNSET
        if not isinstance(self.validation_time, Unset):
            validation_time = self.validation_time.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "file": file,
            }
        )
        if validation_time is not UNSET:
            field_dict["validation_time"] = validation_time

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        if not isinstance(self.validation_time, Unset):
            files.append(
                (
                    "validation_time",
                    (None, self.validation_time.isoformat().encode(), "text/plain"),
                )
            )

        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        _validation_time = d.pop("validation_time", UNSET)
        validation_time: datetime.datetime | Unset
        if isinstance(_validation_time, Unset):
            validation_time = UNSET
        else:
            validation_time = datetime.datetime.fromisoformat(_validation_time)

        verify_parts = cls(
            file=file,
            validation_time=validation_time,
        )

        return verify_parts
