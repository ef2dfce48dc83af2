from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.approve_request_values import ApproveRequestValues


T = TypeVar("T", bound="ApproveRequest")


@_attrs_define
class ApproveRequest:
    """The optional body of an approval.

    Attributes:
        signature_image (None | str | Unset): The signer's signature picture: a PNG or JPEG in base64, at most 1 MB and
            2000 pixels
            on a side. It is the appearance of the signer's signature (in their `signature` field,
            or in Signet's own block on a document without fields). Not a readable PNG or JPEG:
            422 `signature_image_invalid` (87); too large: 422 `signature_image_too_large` (104);
            absent where the tenant requires one: 422 `signature_image_missing` (26). Example:
            iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==.
        values (ApproveRequestValues | Unset): The signer's form fields by name: a string for `text`, `initials`,
            `email` and `select` (one of its `options`), a number for `number`, a boolean for `checkbox` (a required one
            must be `true`), a PNG or JPEG in base64 (at most 1 MB) for `image`. Not for prefilled fields nor `signature`,
            `name` and `date`, which Signet fills. Every required field the signer fills must be given.
    """

    signature_image: None | str | Unset = UNSET
    values: ApproveRequestValues | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        signature_image: None | str | Unset
        if isinstance(self.signature_image, Unset):
            signature_image = UNSET
        else:
            signature_image = self.signature_image

        values: dict[str, Any] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = self.values.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if signature_image is not UNSET:
            field_dict["signature_image"] = signature_image
        if values is not UNSET:
            field_dict["values"] = values

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.approve_request_values import ApproveRequestValues

        d = dict(src_dict)

        def _parse_signature_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        signature_image = _parse_signature_image(d.pop("signature_image", UNSET))

        _values = d.pop("values", UNSET)
        values: ApproveRequestValues | Unset
        if isinstance(_values, Unset):
            values = UNSET
        else:
            values = ApproveRequestValues.from_dict(_values)

        approve_request = cls(
            signature_image=signature_image,
            values=values,
        )

        return approve_request
