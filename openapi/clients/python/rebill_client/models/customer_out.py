from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.customer_out_kind import CustomerOutKind

if TYPE_CHECKING:
    from ..models.address_out import AddressOut
    from ..models.custom_cycle import CustomCycle
    from ..models.fortnightly_cycle import FortnightlyCycle
    from ..models.monthly_cycle import MonthlyCycle
    from ..models.no_cycle import NoCycle
    from ..models.terms_out import TermsOut
    from ..models.time_rounding_out import TimeRoundingOut
    from ..models.weekly_cycle import WeeklyCycle


T = TypeVar("T", bound="CustomerOut")


@_attrs_define
class CustomerOut:
    """
    Attributes:
        id (UUID):
        external_id (None | str):
        name (str):
        kind (CustomerOutKind):
        parent_id (None | UUID):
        billing_address (AddressOut | None):
        emails (list[str]):
        currency (str):
        tax_rate (None | str):
        tax_exempt (bool):
        tax_exemption_reason (None | str):
        terms (None | TermsOut):
        billing_cycle (CustomCycle | FortnightlyCycle | MonthlyCycle | NoCycle | WeeklyCycle):
        default_contract_id (None | UUID):
        time_rounding (None | TimeRoundingOut):
        vat_number (None | str):
        company_id (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    external_id: None | str
    name: str
    kind: CustomerOutKind
    parent_id: None | UUID
    billing_address: AddressOut | None
    emails: list[str]
    currency: str
    tax_rate: None | str
    tax_exempt: bool
    tax_exemption_reason: None | str
    terms: None | TermsOut
    billing_cycle: CustomCycle | FortnightlyCycle | MonthlyCycle | NoCycle | WeeklyCycle
    default_contract_id: None | UUID
    time_rounding: None | TimeRoundingOut
    vat_number: None | str
    company_id: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_out import AddressOut  # noqa: PLC0415
        from ..models.custom_cycle import CustomCycle  # noqa: PLC0415
        from ..models.fortnightly_cycle import FortnightlyCycle  # noqa: PLC0415
        from ..models.monthly_cycle import MonthlyCycle  # noqa: PLC0415
        from ..models.terms_out import TermsOut  # noqa: PLC0415
        from ..models.time_rounding_out import TimeRoundingOut  # noqa: PLC0415
        from ..models.weekly_cycle import WeeklyCycle  # noqa: PLC0415

        id = str(self.id)

        external_id: None | str
        external_id = self.external_id

        name = self.name

        kind = self.kind.value

        parent_id: None | str
        if isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        billing_address: dict[str, Any] | None
        if isinstance(self.billing_address, AddressOut):
            billing_address = self.billing_address.to_dict()
        else:
            billing_address = self.billing_address

        emails = self.emails

        currency = self.currency

        tax_rate: None | str
        tax_rate = self.tax_rate

        tax_exempt = self.tax_exempt

        tax_exemption_reason: None | str
        tax_exemption_reason = self.tax_exemption_reason

        terms: dict[str, Any] | None
        if isinstance(self.terms, TermsOut):
            terms = self.terms.to_dict()
        else:
            terms = self.terms

        billing_cycle: dict[str, Any]
        if isinstance(self.billing_cycle, MonthlyCycle):
            billing_cycle = self.billing_cycle.to_dict()
        elif isinstance(self.billing_cycle, WeeklyCycle):
            billing_cycle = self.billing_cycle.to_dict()
        elif isinstance(self.billing_cycle, FortnightlyCycle):
            billing_cycle = self.billing_cycle.to_dict()
        elif isinstance(self.billing_cycle, CustomCycle):
            billing_cycle = self.billing_cycle.to_dict()
        else:
            billing_cycle = self.billing_cycle.to_dict()

        default_contract_id: None | str
        if isinstance(self.default_contract_id, UUID):
            default_contract_id = str(self.default_contract_id)
        else:
            default_contract_id = self.default_contract_id

        time_rounding: dict[str, Any] | None
        if isinstance(self.time_rounding, TimeRoundingOut):
            time_rounding = self.time_rounding.to_dict()
        else:
            time_rounding = self.time_rounding

        vat_number: None | str
        vat_number = self.vat_number

        company_id: None | str
        company_id = self.company_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "external_id": external_id,
                "name": name,
                "kind": kind,
                "parent_id": parent_id,
                "billing_address": billing_address,
                "emails": emails,
                "currency": currency,
                "tax_rate": tax_rate,
                "tax_exempt": tax_exempt,
                "tax_exemption_reason": tax_exemption_reason,
                "terms": terms,
                "billing_cycle": billing_cycle,
                "default_contract_id": default_contract_id,
                "time_rounding": time_rounding,
                "vat_number": vat_number,
                "company_id": company_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_out import AddressOut  # noqa: PLC0415
        from ..models.custom_cycle import CustomCycle  # noqa: PLC0415
        from ..models.fortnightly_cycle import FortnightlyCycle  # noqa: PLC0415
        from ..models.monthly_cycle import MonthlyCycle  # noqa: PLC0415
        from ..models.no_cycle import NoCycle  # noqa: PLC0415
        from ..models.terms_out import TermsOut  # noqa: PLC0415
        from ..models.time_rounding_out import TimeRoundingOut  # noqa: PLC0415
        from ..models.weekly_cycle import WeeklyCycle  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        name = d.pop("name")

        kind = CustomerOutKind(d.pop("kind"))

        def _parse_parent_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))

        def _parse_billing_address(data: object) -> AddressOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                billing_address_type_0 = AddressOut.from_dict(data)

                return billing_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddressOut | None, data)

        billing_address = _parse_billing_address(d.pop("billing_address"))

        emails = cast(list[str], d.pop("emails"))

        currency = d.pop("currency")

        def _parse_tax_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tax_rate = _parse_tax_rate(d.pop("tax_rate"))

        tax_exempt = d.pop("tax_exempt")

        def _parse_tax_exemption_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tax_exemption_reason = _parse_tax_exemption_reason(d.pop("tax_exemption_reason"))

        def _parse_terms(data: object) -> None | TermsOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                terms_type_0 = TermsOut.from_dict(data)

                return terms_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TermsOut, data)

        terms = _parse_terms(d.pop("terms"))

        def _parse_billing_cycle(data: object) -> CustomCycle | FortnightlyCycle | MonthlyCycle | NoCycle | WeeklyCycle:
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

        billing_cycle = _parse_billing_cycle(d.pop("billing_cycle"))

        def _parse_default_contract_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                default_contract_id_type_0 = UUID(data)

                return default_contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        default_contract_id = _parse_default_contract_id(d.pop("default_contract_id"))

        def _parse_time_rounding(data: object) -> None | TimeRoundingOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                time_rounding_type_0 = TimeRoundingOut.from_dict(data)

                return time_rounding_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimeRoundingOut, data)

        time_rounding = _parse_time_rounding(d.pop("time_rounding"))

        def _parse_vat_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        vat_number = _parse_vat_number(d.pop("vat_number"))

        def _parse_company_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        company_id = _parse_company_id(d.pop("company_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        customer_out = cls(
            id=id,
            external_id=external_id,
            name=name,
            kind=kind,
            parent_id=parent_id,
            billing_address=billing_address,
            emails=emails,
            currency=currency,
            tax_rate=tax_rate,
            tax_exempt=tax_exempt,
            tax_exemption_reason=tax_exemption_reason,
            terms=terms,
            billing_cycle=billing_cycle,
            default_contract_id=default_contract_id,
            time_rounding=time_rounding,
            vat_number=vat_number,
            company_id=company_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        customer_out.additional_properties = d
        return customer_out

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
