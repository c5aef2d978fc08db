from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.bulk_item_result import BulkItemResult


T = TypeVar("T", bound="BulkResult")


@_attrs_define
class BulkResult:
    """The answer to a bulk upsert: the counts, and one entry per pushed item in the request's order.

    Attributes:
        created (int):
        updated (int):
        unchanged (int):
        errors (int): Items refused, each answered with `result: error` (only with `on_error=skip`; 0 otherwise).
        items (list[BulkItemResult]): One per pushed item, in the request's order.
    """

    created: int
    updated: int
    unchanged: int
    errors: int
    items: list[BulkItemResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        updated = self.updated

        unchanged = self.unchanged

        errors = self.errors

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "updated": updated,
                "unchanged": unchanged,
                "errors": errors,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bulk_item_result import BulkItemResult  # noqa: PLC0415

        d = dict(src_dict)
        created = d.pop("created")

        updated = d.pop("updated")

        unchanged = d.pop("unchanged")

        errors = d.pop("errors")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = BulkItemResult.from_dict(items_item_data)

            items.append(items_item)

        bulk_result = cls(
            created=created,
            updated=updated,
            unchanged=unchanged,
            errors=errors,
            items=items,
        )

        bulk_result.additional_properties = d
        return bulk_result

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
