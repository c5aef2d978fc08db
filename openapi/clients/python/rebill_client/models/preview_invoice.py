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
    from ..models.contract_details import ContractDetails
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
        hours_worked (str | Unset): The hours worked of the time it bills. Default: '0'.
        billed_hours (str | Unset): The hours billed at a price: the time's billed (rounded) hours less the covered
            ones. Default: '0'.
        contract_id (None | Unset | UUID): With `invoice_per` `contract`: the contract the invoice is for (null: the
            time outside any).
        retainer_lines (list[PreviewLine] | Unset): The retainer lines it bills ("Retainer — <contract> — <period>"),
            also among its `lines`.
        contracts (list[ContractDetails] | Unset): Per contract its lines bill under: hours worked, covered and billed,
            the balance left.
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
    hours_worked: str | Unset = "0"
    billed_hours: str | Unset = "0"
    contract_id: None | Unset | UUID = UNSET
    retainer_lines: list[PreviewLine] | Unset = UNSET
    contracts: list[ContractDetails] | Unset = UNSET
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

        hours_worked = self.hours_worked

        billed_hours = self.billed_hours

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        elif isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        retainer_lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.retainer_lines, Unset):
            retainer_lines = []
            for retainer_lines_item_data in self.retainer_lines:
                retainer_lines_item = retainer_lines_item_data.to_dict()
                retainer_lines.append(retainer_lines_item)

        contracts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contracts, Unset):
            contracts = []
            for contracts_item_data in self.contracts:
                contracts_item = contracts_item_data.to_dict()
                contracts.append(contracts_item)

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
        if hours_worked is not UNSET:
            field_dict["hours_worked"] = hours_worked
        if billed_hours is not UNSET:
            field_dict["billed_hours"] = billed_hours
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id
        if retainer_lines is not UNSET:
            field_dict["retainer_lines"] = retainer_lines
        if contracts is not UNSET:
            field_dict["contracts"] = contracts
        if block_balances is not UNSET:
            field_dict["block_balances"] = block_balances

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bill_to_out import BillToOut  # noqa: PLC0415
        from ..models.block_balance import BlockBalance  # noqa: PLC0415
        from ..models.contract_details import ContractDetails  # noqa: PLC0415
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

        hours_worked = d.pop("hours_worked", UNSET)

        billed_hours = d.pop("billed_hours", UNSET)

        def _parse_contract_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)

                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id", UNSET))

        _retainer_lines = d.pop("retainer_lines", UNSET)
        retainer_lines: list[PreviewLine] | Unset = UNSET
        if _retainer_lines is not UNSET:
            retainer_lines = []
            for retainer_lines_item_data in _retainer_lines:
                retainer_lines_item = PreviewLine.from_dict(retainer_lines_item_data)

                retainer_lines.append(retainer_lines_item)

        _contracts = d.pop("contracts", UNSET)
        contracts: list[ContractDetails] | Unset = UNSET
        if _contracts is not UNSET:
            contracts = []
            for contracts_item_data in _contracts:
                contracts_item = ContractDetails.from_dict(contracts_item_data)

                contracts.append(contracts_item)

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
            hours_worked=hours_worked,
            billed_hours=billed_hours,
            contract_id=contract_id,
            retainer_lines=retainer_lines,
            contracts=contracts,
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
