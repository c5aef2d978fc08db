from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bill_to_out import BillToOut
    from ..models.block_balance import BlockBalance
    from ..models.preview_line import PreviewLine
    from ..models.reason import Reason
    from ..models.tax_out import TaxOut


T = TypeVar("T", bound="PreviewInvoice")


@_attrs_define
class PreviewInvoice:
    """
    Attributes:
        customer_id (UUID):
        customer_external_id (None | str): The customer's `external_id`; null when it has none.
        bill_to (BillToOut):
        currency (str):
        title (str):
        subtitle (str):
        period_start (datetime.date | None): The customer's period (its billing cycle's, with a `cutoff_date`); where
            the cycle has no start or end, the local date of the earliest or latest time billed; null on a credit note, and
            on an invoice of adjustments only whose customer's cycle has none.
        period_end (datetime.date | None):
        lines (list[PreviewLine]):
        taxes (list[TaxOut]):
        hours (str):
        untaxed_amount (str):
        tax_amount (str):
        total (str):
        would_validate (bool):
        not_validated_reasons (list[Reason]):
        covered_hours (str | Unset): The hours covered by prepaid blocks (lines with `covered`), included in `hours`.
            Default: '0'.
        block_balances (list[BlockBalance] | Unset): For each of the customer's `block_hours` contracts: the block hours
            this invoice consumes and the balance left after the batch (SPEC §11).
    """

    customer_id: UUID
    customer_external_id: None | str
    bill_to: BillToOut
    currency: str
    title: str
    subtitle: str
    period_start: datetime.date | None
    period_end: datetime.date | None
    lines: list[PreviewLine]
    taxes: list[TaxOut]
    hours: str
    untaxed_amount: str
    tax_amount: str
    total: str
    would_validate: bool
    not_validated_reasons: list[Reason]
    covered_hours: str | Unset = "0"
    block_balances: list[BlockBalance] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        customer_external_id: None | str
        customer_external_id = self.customer_external_id

        bill_to = self.bill_to.to_dict()

        currency = self.currency

        title = self.title

        subtitle = self.subtitle

        period_start: None | str
        if isinstance(self.period_start, datetime.date):
            period_start = self.period_start.isoformat()
        else:
            period_start = self.period_start

        period_end: None | str
        if isinstance(self.period_end, datetime.date):
            period_end = self.period_end.isoformat()
        else:
            period_end = self.period_end

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        taxes = []
        for taxes_item_data in self.taxes:
            taxes_item = taxes_item_data.to_dict()
            taxes.append(taxes_item)

        hours = self.hours

        untaxed_amount = self.untaxed_amount

        tax_amount = self.tax_amount

        total = self.total

        would_validate = self.would_validate

        not_validated_reasons = []
        for not_validated_reasons_item_data in self.not_validated_reasons:
            not_validated_reasons_item = not_validated_reasons_item_data.to_dict()
            not_validated_reasons.append(not_validated_reasons_item)

        covered_hours = self.covered_hours

        block_balances: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.block_balances, Unset):
            block_balances = []
            for block_balances_item_data in self.block_balances:
                block_balances_item = block_balances_item_data.to_dict()
                block_balances.append(block_balances_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer_id": customer_id,
                "customer_external_id": customer_external_id,
                "bill_to": bill_to,
                "currency": currency,
                "title": title,
                "subtitle": subtitle,
                "period_start": period_start,
                "period_end": period_end,
                "lines": lines,
                "taxes": taxes,
                "hours": hours,
                "untaxed_amount": untaxed_amount,
                "tax_amount": tax_amount,
                "total": total,
                "would_validate": would_validate,
                "not_validated_reasons": not_validated_reasons,
            }
        )
        if covered_hours is not UNSET:
            field_dict["covered_hours"] = covered_hours
        if block_balances is not UNSET:
            field_dict["block_balances"] = block_balances

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bill_to_out import BillToOut  # noqa: PLC0415
        from ..models.block_balance import BlockBalance  # noqa: PLC0415
        from ..models.preview_line import PreviewLine  # noqa: PLC0415
        from ..models.reason import Reason  # noqa: PLC0415
        from ..models.tax_out import TaxOut  # noqa: PLC0415

        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))

        def _parse_customer_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        customer_external_id = _parse_customer_external_id(d.pop("customer_external_id"))

        bill_to = BillToOut.from_dict(d.pop("bill_to"))

        currency = d.pop("currency")

        title = d.pop("title")

        subtitle = d.pop("subtitle")

        def _parse_period_start(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_start_type_0 = datetime.date.fromisoformat(data)

                return period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_start = _parse_period_start(d.pop("period_start"))

        def _parse_period_end(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_end_type_0 = datetime.date.fromisoformat(data)

                return period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_end = _parse_period_end(d.pop("period_end"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = PreviewLine.from_dict(lines_item_data)

            lines.append(lines_item)

        taxes = []
        _taxes = d.pop("taxes")
        for taxes_item_data in _taxes:
            taxes_item = TaxOut.from_dict(taxes_item_data)

            taxes.append(taxes_item)

        hours = d.pop("hours")

        untaxed_amount = d.pop("untaxed_amount")

        tax_amount = d.pop("tax_amount")

        total = d.pop("total")

        would_validate = d.pop("would_validate")

        not_validated_reasons = []
        _not_validated_reasons = d.pop("not_validated_reasons")
        for not_validated_reasons_item_data in _not_validated_reasons:
            not_validated_reasons_item = Reason.from_dict(not_validated_reasons_item_data)

            not_validated_reasons.append(not_validated_reasons_item)

        covered_hours = d.pop("covered_hours", UNSET)

        _block_balances = d.pop("block_balances", UNSET)
        block_balances: list[BlockBalance] | Unset = UNSET
        if _block_balances is not UNSET:
            block_balances = []
            for block_balances_item_data in _block_balances:
                block_balances_item = BlockBalance.from_dict(block_balances_item_data)

                block_balances.append(block_balances_item)

        preview_invoice = cls(
            customer_id=customer_id,
            customer_external_id=customer_external_id,
            bill_to=bill_to,
            currency=currency,
            title=title,
            subtitle=subtitle,
            period_start=period_start,
            period_end=period_end,
            lines=lines,
            taxes=taxes,
            hours=hours,
            untaxed_amount=untaxed_amount,
            tax_amount=tax_amount,
            total=total,
            would_validate=would_validate,
            not_validated_reasons=not_validated_reasons,
            covered_hours=covered_hours,
            block_balances=block_balances,
        )

        preview_invoice.additional_properties = d
        return preview_invoice

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
