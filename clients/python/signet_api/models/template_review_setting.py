from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TemplateReviewSetting")


@_attrs_define
class TemplateReviewSetting:
    """The template's review setting in this mode.

    Attributes:
        require_template_review (bool): Whether a new template, and one whose file, roles or fields change, is a `draft`
            until
            a reviewer approves it in the back office; a document from a draft is 422
            `template_not_approved` (94). Default `false`.
    """

    require_template_review: bool

    def to_dict(self) -> dict[str, Any]:
        require_template_review = self.require_template_review

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "require_template_review": require_template_review,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        require_template_review = d.pop("require_template_review")

        template_review_setting = cls(
            require_template_review=require_template_review,
        )

        return template_review_setting
