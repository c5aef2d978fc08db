from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.contract_update_kind import ContractUpdateKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.time_rounding import TimeRounding


T = TypeVar("T", bound="ContractUpdate")


@_attrs_define
class ContractUpdate:
    """Only the fields sent change; null clears the optional ones. `kind` and `customer_id` cannot
    change (422 naming them); sending their current value is fine.

        Attributes:
            external_id (None | str | Unset):
            customer_id (UUID | Unset):
            name (str | Unset): Leading and trailing white space is removed.
            kind (ContractUpdateKind | Unset):
            product_id (None | Unset | UUID):
            starts_on (datetime.date | Unset):
            ends_on (datetime.date | None | Unset):
            taxable (bool | Unset):
            time_rounding (None | TimeRounding | Unset): How each time entry's hours are rounded; null: not rounded (a
                contract's rule wins over its customer's).
            overage_unit_price (None | str | Unset): block_hours only: the unit price of hours beyond the blocks' balance
                (null: the usual price).
            retainer_amount (None | str | Unset): Required on a retainer, refused on the other kinds.
            included_hours (None | str | Unset): Required on a retainer, refused on the other kinds.
    """

    external_id: None | str | Unset = UNSET
    customer_id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    kind: ContractUpdateKind | Unset = UNSET
    product_id: None | Unset | UUID = UNSET
    starts_on: datetime.date | Unset = UNSET
    ends_on: datetime.date | None | Unset = UNSET
    taxable: bool | Unset = UNSET
    time_rounding: None | TimeRounding | Unset = UNSET
    overage_unit_price: None | str | Unset = UNSET
    retainer_amount: None | str | Unset = UNSET
    included_hours: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.time_rounding import TimeRounding  # noqa: PLC0415

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        customer_id: str | Unset = UNSET
        if not isinstance(self.customer_id, Unset):
            customer_id = str(self.customer_id)

        name = self.name

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        elif isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        starts_on: str | Unset = UNSET
        if not isinstance(self.starts_on, Unset):
            starts_on = self.starts_on.isoformat()

        ends_on: None | str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        taxable = self.taxable

        time_rounding: dict[str, Any] | None | Unset
        if isinstance(self.time_rounding, Unset):
            time_rounding = UNSET
        elif isinstance(self.time_rounding, TimeRounding):
            time_rounding = self.time_rounding.to_dict()
        else:
            time_rounding = self.time_rounding

        overage_unit_price: None | str | Unset
        if isinstance(self.overage_unit_price, Unset):
            overage_unit_price = UNSET
        else:
            overage_unit_price = self.overage_unit_price

        retainer_amount: None | str | Unset
        if isinstance(self.retainer_amount, Unset):
            retainer_amount = UNSET
        else:
            retainer_amount = self.retainer_amount

        included_hours: None | str | Unset
        if isinstance(self.included_hours, Unset):
            included_hours = UNSET
        else:
            included_hours = self.included_hours

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if name is not UNSET:
            field_dict["name"] = name
        if kind is not UNSET:
            field_dict["kind"] = kind
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if starts_on is not UNSET:
            field_dict["starts_on"] = starts_on
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if taxable is not UNSET:
            field_dict["taxable"] = taxable
        if time_rounding is not UNSET:
            field_dict["time_rounding"] = time_rounding
        if overage_unit_price is not UNSET:
            field_dict["overage_unit_price"] = overage_unit_price
        if retainer_amount is not UNSET:
            field_dict["retainer_amount"] = retainer_amount
        if included_hours is not UNSET:
            field_dict["included_hours"] = included_hours

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.time_rounding import TimeRounding  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        _customer_id = d.pop("customer_id", UNSET)
        customer_id: UUID | Unset
        if isinstance(_customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = UUID(_customer_id)

        name = d.pop("name", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: ContractUpdateKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = ContractUpdateKind(_kind)

        def _parse_product_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_id_type_0 = UUID(data)

                return product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        product_id = _parse_product_id(d.pop("product_id", UNSET))

        _starts_on = d.pop("starts_on", UNSET)
        starts_on: datetime.date | Unset
        if isinstance(_starts_on, Unset):
            starts_on = UNSET
        else:
            starts_on = datetime.date.fromisoformat(_starts_on)

        def _parse_ends_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))

        taxable = d.pop("taxable", UNSET)

        def _parse_time_rounding(data: object) -> None | TimeRounding | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                time_rounding_type_0 = TimeRounding.from_dict(data)

                return time_rounding_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimeRounding | Unset, data)

        time_rounding = _parse_time_rounding(d.pop("time_rounding", UNSET))

        def _parse_overage_unit_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        overage_unit_price = _parse_overage_unit_price(d.pop("overage_unit_price", UNSET))

        def _parse_retainer_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        retainer_amount = _parse_retainer_amount(d.pop("retainer_amount", UNSET))

        def _parse_included_hours(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        included_hours = _parse_included_hours(d.pop("included_hours", UNSET))

        contract_update = cls(
            external_id=external_id,
            customer_id=customer_id,
            name=name,
            kind=kind,
            product_id=product_id,
            starts_on=starts_on,
            ends_on=ends_on,
            taxable=taxable,
            time_rounding=time_rounding,
            overage_unit_price=overage_unit_price,
            retainer_amount=retainer_amount,
            included_hours=included_hours,
        )

        return contract_update
