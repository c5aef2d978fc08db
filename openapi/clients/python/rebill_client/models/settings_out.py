from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.settings_out_einvoice_format import SettingsOutEinvoiceFormat
from ..models.settings_out_language import SettingsOutLanguage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.accounting_out import AccountingOut
    from ..models.address_out import AddressOut
    from ..models.terms_out import TermsOut


T = TypeVar("T", bound="SettingsOut")


@_attrs_define
class SettingsOut:
    """
    Attributes:
        legal_name (str):
        legal_address (AddressOut | None):
        timezone (str):
        currency (str):
        invoice_number_prefix (str):
        invoice_number_yearly_reset (bool):
        credit_note_number_prefix (str): The prefix of credit note numbers (their own sequence).
        default_product_id (None | UUID):
        email_sender (None | str):
        terms (TermsOut):
        vat_number (None | str):
        company_id (None | str):
        company_id_scheme (None | str):
        registration (None | str):
        legal_form_and_capital (None | str):
        language (SettingsOutLanguage): The language of every printed label of invoices and credit notes: `en` (default)
            or `fr`.
        einvoice_format (SettingsOutEinvoiceFormat): What an emailed invoice carries: `pdf` (default), or `facturx`, the
            PDF/A-3 with its EN 16931 XML (Factur-X) embedded.
        updated_at (datetime.datetime):
        accounting (AccountingOut | Unset):
    """

    legal_name: str
    legal_address: AddressOut | None
    timezone: str
    currency: str
    invoice_number_prefix: str
    invoice_number_yearly_reset: bool
    credit_note_number_prefix: str
    default_product_id: None | UUID
    email_sender: None | str
    terms: TermsOut
    vat_number: None | str
    company_id: None | str
    company_id_scheme: None | str
    registration: None | str
    legal_form_and_capital: None | str
    language: SettingsOutLanguage
    einvoice_format: SettingsOutEinvoiceFormat
    updated_at: datetime.datetime
    accounting: AccountingOut | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_out import AddressOut  # noqa: PLC0415

        legal_name = self.legal_name

        legal_address: dict[str, Any] | None
        if isinstance(self.legal_address, AddressOut):
            legal_address = self.legal_address.to_dict()
        else:
            legal_address = self.legal_address

        timezone = self.timezone

        currency = self.currency

        invoice_number_prefix = self.invoice_number_prefix

        invoice_number_yearly_reset = self.invoice_number_yearly_reset

        credit_note_number_prefix = self.credit_note_number_prefix

        default_product_id: None | str
        if isinstance(self.default_product_id, UUID):
            default_product_id = str(self.default_product_id)
        else:
            default_product_id = self.default_product_id

        email_sender: None | str
        email_sender = self.email_sender

        terms = self.terms.to_dict()

        vat_number: None | str
        vat_number = self.vat_number

        company_id: None | str
        company_id = self.company_id

        company_id_scheme: None | str
        company_id_scheme = self.company_id_scheme

        registration: None | str
        registration = self.registration

        legal_form_and_capital: None | str
        legal_form_and_capital = self.legal_form_and_capital

        language = self.language.value

        einvoice_format = self.einvoice_format.value

        updated_at = self.updated_at.isoformat()

        accounting: dict[str, Any] | Unset = UNSET
        if not isinstance(self.accounting, Unset):
            accounting = self.accounting.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "legal_name": legal_name,
                "legal_address": legal_address,
                "timezone": timezone,
                "currency": currency,
                "invoice_number_prefix": invoice_number_prefix,
                "invoice_number_yearly_reset": invoice_number_yearly_reset,
                "credit_note_number_prefix": credit_note_number_prefix,
                "default_product_id": default_product_id,
                "email_sender": email_sender,
                "terms": terms,
                "vat_number": vat_number,
                "company_id": company_id,
                "company_id_scheme": company_id_scheme,
                "registration": registration,
                "legal_form_and_capital": legal_form_and_capital,
                "language": language,
                "einvoice_format": einvoice_format,
                "updated_at": updated_at,
            }
        )
        if accounting is not UNSET:
            field_dict["accounting"] = accounting

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.accounting_out import AccountingOut  # noqa: PLC0415
        from ..models.address_out import AddressOut  # noqa: PLC0415
        from ..models.terms_out import TermsOut  # noqa: PLC0415

        d = dict(src_dict)
        legal_name = d.pop("legal_name")

        def _parse_legal_address(data: object) -> AddressOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                legal_address_type_0 = AddressOut.from_dict(data)

                return legal_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddressOut | None, data)

        legal_address = _parse_legal_address(d.pop("legal_address"))

        timezone = d.pop("timezone")

        currency = d.pop("currency")

        invoice_number_prefix = d.pop("invoice_number_prefix")

        invoice_number_yearly_reset = d.pop("invoice_number_yearly_reset")

        credit_note_number_prefix = d.pop("credit_note_number_prefix")

        def _parse_default_product_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                default_product_id_type_0 = UUID(data)

                return default_product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        default_product_id = _parse_default_product_id(d.pop("default_product_id"))

        def _parse_email_sender(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email_sender = _parse_email_sender(d.pop("email_sender"))

        terms = TermsOut.from_dict(d.pop("terms"))

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

        def _parse_company_id_scheme(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        company_id_scheme = _parse_company_id_scheme(d.pop("company_id_scheme"))

        def _parse_registration(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        registration = _parse_registration(d.pop("registration"))

        def _parse_legal_form_and_capital(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        legal_form_and_capital = _parse_legal_form_and_capital(d.pop("legal_form_and_capital"))

        language = SettingsOutLanguage(d.pop("language"))

        einvoice_format = SettingsOutEinvoiceFormat(d.pop("einvoice_format"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        _accounting = d.pop("accounting", UNSET)
        accounting: AccountingOut | Unset
        if isinstance(_accounting, Unset):
            accounting = UNSET
        else:
            accounting = AccountingOut.from_dict(_accounting)

        settings_out = cls(
            legal_name=legal_name,
            legal_address=legal_address,
            timezone=timezone,
            currency=currency,
            invoice_number_prefix=invoice_number_prefix,
            invoice_number_yearly_reset=invoice_number_yearly_reset,
            credit_note_number_prefix=credit_note_number_prefix,
            default_product_id=default_product_id,
            email_sender=email_sender,
            terms=terms,
            vat_number=vat_number,
            company_id=company_id,
            company_id_scheme=company_id_scheme,
            registration=registration,
            legal_form_and_capital=legal_form_and_capital,
            language=language,
            einvoice_format=einvoice_format,
            updated_at=updated_at,
            accounting=accounting,
        )

        settings_out.additional_properties = d
        return settings_out

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
