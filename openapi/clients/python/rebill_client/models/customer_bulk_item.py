from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.customer_bulk_item_kind import CustomerBulkItemKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.custom_cycle import CustomCycle
    from ..models.fortnightly_cycle import FortnightlyCycle
    from ..models.monthly_cycle import MonthlyCycle
    from ..models.no_cycle import NoCycle
    from ..models.terms import Terms
    from ..models.time_rounding import TimeRounding
    from ..models.weekly_cycle import WeeklyCycle


T = TypeVar("T", bound="CustomerBulkItem")


@_attrs_define
class CustomerBulkItem:
    """A contact names its company by `parent_id` or `parent_external_id` (not both); a company has
    no parent.

        Attributes:
            name (str): Leading and trailing white space is removed.
            external_id (str): Leading and trailing white space is removed.
            kind (CustomerBulkItemKind | Unset):  Default: CustomerBulkItemKind.COMPANY.
            billing_address (Address | None | Unset):
            emails (list[str] | Unset): Ordered; the first address receives the invoices.
            currency (None | str | Unset): Defaults to the tenant's currency.
            tax_rate (None | str | Unset):
            tax_exempt (bool | Unset):  Default: False.
            tax_exemption_reason (None | str | Unset): Why the customer's invoices carry no tax (or carry it by reverse
                charge), printed on them, e.g. "Autoliquidation — article 283-2 du CGI". Copied into each invoice's bill_to.
            terms (None | Terms | Unset): Overrides the tenant's default terms.
            billing_cycle (CustomCycle | FortnightlyCycle | MonthlyCycle | NoCycle | Unset | WeeklyCycle): Which period a
                batch given a `cutoff_date` bills for this customer: its last complete cycle ending on or before the cut-off. A
                contact with a parent company is billed on the parent's cycle. Absent: `{"kind": "monthly"}`.
            time_rounding (None | TimeRounding | Unset): How each time entry's hours are rounded; null: not rounded (a
                contract's rule wins over its customer's).
            vat_number (None | str | Unset): The customer's VAT number, printed on its invoices and carried by its
                e-invoices.
            company_id (None | str | Unset): The customer's registration id (in France its SIREN), printed on its invoices
                and e-invoices.
            parent_id (None | Unset | UUID):
            parent_external_id (None | str | Unset):
            default_contract_id (None | Unset | UUID): The contract of its time whose work item names none: a contract of
                this company, or of a contact's parent company.
            default_contract_external_id (None | str | Unset): A stored contract named by its external_id (not both with
                default_contract_id).
    """

    name: str
    external_id: str
    kind: CustomerBulkItemKind | Unset = CustomerBulkItemKind.COMPANY
    billing_address: Address | None | Unset = UNSET
    emails: list[str] | Unset = UNSET
    currency: None | str | Unset = UNSET
    tax_rate: None | str | Unset = UNSET
    tax_exempt: bool | Unset = False
    tax_exemption_reason: None | str | Unset = UNSET
    terms: None | Terms | Unset = UNSET
    billing_cycle: CustomCycle | FortnightlyCycle | MonthlyCycle | NoCycle | Unset | WeeklyCycle = UNSET
    time_rounding: None | TimeRounding | Unset = UNSET
    vat_number: None | str | Unset = UNSET
    company_id: None | str | Unset = UNSET
    parent_id: None | Unset | UUID = UNSET
    parent_external_id: None | str | Unset = UNSET
    default_contract_id: None | Unset | UUID = UNSET
    default_contract_external_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.custom_cycle import CustomCycle  # noqa: PLC0415
        from ..models.fortnightly_cycle import FortnightlyCycle  # noqa: PLC0415
        from ..models.monthly_cycle import MonthlyCycle  # noqa: PLC0415
        from ..models.terms import Terms  # noqa: PLC0415
        from ..models.time_rounding import TimeRounding  # noqa: PLC0415
        from ..models.weekly_cycle import WeeklyCycle  # noqa: PLC0415

        name = self.name

        external_id = self.external_id

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        billing_address: dict[str, Any] | None | Unset
        if isinstance(self.billing_address, Unset):
            billing_address = UNSET
        elif isinstance(self.billing_address, Address):
            billing_address = self.billing_address.to_dict()
        else:
            billing_address = self.billing_address

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        tax_rate: None | str | Unset
        if isinstance(self.tax_rate, Unset):
            tax_rate = UNSET
        else:
            tax_rate = self.tax_rate

        tax_exempt = self.tax_exempt

        tax_exemption_reason: None | str | Unset
        if isinstance(self.tax_exemption_reason, Unset):
            tax_exemption_reason = UNSET
        else:
            tax_exemption_reason = self.tax_exemption_reason

        terms: dict[str, Any] | None | Unset
        if isinstance(self.terms, Unset):
            terms = UNSET
        elif isinstance(self.terms, Terms):
            terms = self.terms.to_dict()
        else:
            terms = self.terms

        billing_cycle: dict[str, Any] | Unset
        if isinstance(self.billing_cycle, Unset):
            billing_cycle = UNSET
        elif isinstance(self.billing_cycle, MonthlyCycle):
            billing_cycle = self.billing_cycle.to_dict()
        elif isinstance(self.billing_cycle, WeeklyCycle):
            billing_cycle = self.billing_cycle.to_dict()
        elif isinstance(self.billing_cycle, FortnightlyCycle):
            billing_cycle = self.billing_cycle.to_dict()
        elif isinstance(self.billing_cycle, CustomCycle):
            billing_cycle = self.billing_cycle.to_dict()
        else:
            billing_cycle = self.billing_cycle.to_dict()

        time_rounding: dict[str, Any] | None | Unset
        if isinstance(self.time_rounding, Unset):
            time_rounding = UNSET
        elif isinstance(self.time_rounding, TimeRounding):
            time_rounding = self.time_rounding.to_dict()
        else:
            time_rounding = self.time_rounding

        vat_number: None | str | Unset
        if isinstance(self.vat_number, Unset):
            vat_number = UNSET
        else:
            vat_number = self.vat_number

        company_id: None | str | Unset
        if isinstance(self.company_id, Unset):
            company_id = UNSET
        else:
            company_id = self.company_id

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        parent_external_id: None | str | Unset
        if isinstance(self.parent_external_id, Unset):
            parent_external_id = UNSET
        else:
            parent_external_id = self.parent_external_id

        default_contract_id: None | str | Unset
        if isinstance(self.default_contract_id, Unset):
            default_contract_id = UNSET
        elif isinstance(self.default_contract_id, UUID):
            default_contract_id = str(self.default_contract_id)
        else:
            default_contract_id = self.default_contract_id

        default_contract_external_id: None | str | Unset
        if isinstance(self.default_contract_external_id, Unset):
            default_contract_external_id = UNSET
        else:
            default_contract_external_id = self.default_contract_external_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "external_id": external_id,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if billing_address is not UNSET:
            field_dict["billing_address"] = billing_address
        if emails is not UNSET:
            field_dict["emails"] = emails
        if currency is not UNSET:
            field_dict["currency"] = currency
        if tax_rate is not UNSET:
            field_dict["tax_rate"] = tax_rate
        if tax_exempt is not UNSET:
            field_dict["tax_exempt"] = tax_exempt
        if tax_exemption_reason is not UNSET:
            field_dict["tax_exemption_reason"] = tax_exemption_reason
        if terms is not UNSET:
            field_dict["terms"] = terms
        if billing_cycle is not UNSET:
            field_dict["billing_cycle"] = billing_cycle
        if time_rounding is not UNSET:
            field_dict["time_rounding"] = time_rounding
        if vat_number is not UNSET:
            field_dict["vat_number"] = vat_number
        if company_id is not UNSET:
            field_dict["company_id"] = company_id
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if parent_external_id is not UNSET:
            field_dict["parent_external_id"] = parent_external_id
        if default_contract_id is not UNSET:
            field_dict["default_contract_id"] = default_contract_id
        if default_contract_external_id is not UNSET:
            field_dict["default_contract_external_id"] = default_contract_external_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.custom_cycle import CustomCycle  # noqa: PLC0415
        from ..models.fortnightly_cycle import FortnightlyCycle  # noqa: PLC0415
        from ..models.monthly_cycle import MonthlyCycle  # noqa: PLC0415
        from ..models.no_cycle import NoCycle  # noqa: PLC0415
        from ..models.terms import Terms  # noqa: PLC0415
        from ..models.time_rounding import TimeRounding  # noqa: PLC0415
        from ..models.weekly_cycle import WeeklyCycle  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        external_id = d.pop("external_id")

        _kind = d.pop("kind", UNSET)
        kind: CustomerBulkItemKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = CustomerBulkItemKind(_kind)

        def _parse_billing_address(data: object) -> Address | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                billing_address_type_0 = Address.from_dict(data)

                return billing_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Address | None | Unset, data)

        billing_address = _parse_billing_address(d.pop("billing_address", UNSET))

        emails = cast(list[str], d.pop("emails", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_tax_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tax_rate = _parse_tax_rate(d.pop("tax_rate", UNSET))

        tax_exempt = d.pop("tax_exempt", UNSET)

        def _parse_tax_exemption_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tax_exemption_reason = _parse_tax_exemption_reason(d.pop("tax_exemption_reason", UNSET))

        def _parse_terms(data: object) -> None | Terms | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                terms_type_0 = Terms.from_dict(data)

                return terms_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Terms | Unset, data)

        terms = _parse_terms(d.pop("terms", UNSET))

        def _parse_billing_cycle(
            data: object,
        ) -> CustomCycle | FortnightlyCycle | MonthlyCycle | NoCycle | Unset | WeeklyCycle:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                billing_cycle_type_0 = MonthlyCycle.from_dict(data)

                return billing_cycle_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                billing_cycle_type_1 = WeeklyCycle.from_dict(data)

                return billing_cycle_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                billing_cycle_type_2 = FortnightlyCycle.from_dict(data)

                return billing_cycle_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                billing_cycle_type_3 = CustomCycle.from_dict(data)

                return billing_cycle_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            billing_cycle_type_4 = NoCycle.from_dict(data)

            return billing_cycle_type_4

        billing_cycle = _parse_billing_cycle(d.pop("billing_cycle", UNSET))

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

        def _parse_vat_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vat_number = _parse_vat_number(d.pop("vat_number", UNSET))

        def _parse_company_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company_id = _parse_company_id(d.pop("company_id", UNSET))

        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        def _parse_parent_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_external_id = _parse_parent_external_id(d.pop("parent_external_id", UNSET))

        def _parse_default_contract_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                default_contract_id_type_0 = UUID(data)

                return default_contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        default_contract_id = _parse_default_contract_id(d.pop("default_contract_id", UNSET))

        def _parse_default_contract_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_contract_external_id = _parse_default_contract_external_id(d.pop("default_contract_external_id", UNSET))

        customer_bulk_item = cls(
            name=name,
            external_id=external_id,
            kind=kind,
            billing_address=billing_address,
            emails=emails,
            currency=currency,
            tax_rate=tax_rate,
            tax_exempt=tax_exempt,
            tax_exemption_reason=tax_exemption_reason,
            terms=terms,
            billing_cycle=billing_cycle,
            time_rounding=time_rounding,
            vat_number=vat_number,
            company_id=company_id,
            parent_id=parent_id,
            parent_external_id=parent_external_id,
            default_contract_id=default_contract_id,
            default_contract_external_id=default_contract_external_id,
        )

        return customer_bulk_item
