from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.settings_update_einvoice_format import SettingsUpdateEinvoiceFormat
from ..models.settings_update_language import SettingsUpdateLanguage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.accounting import Accounting
    from ..models.address import Address
    from ..models.terms import Terms


T = TypeVar("T", bound="SettingsUpdate")


@_attrs_define
class SettingsUpdate:
    """
    Attributes:
        legal_name (str | Unset): Leading and trailing white space is removed.
        legal_address (Address | None | Unset):
        timezone (str | Unset): IANA time zone, e.g. Europe/Paris.
        currency (str | Unset): An ISO 4217 currency code.
        invoice_number_prefix (str | Unset):
        invoice_number_yearly_reset (bool | Unset): true: numbers read PREFIX-YYYY-NNNNNN and restart each year (credit
            notes too).
        credit_note_number_prefix (str | Unset): The prefix of credit note numbers, which have their own sequence
            (default `CN-`).
        default_product_id (None | Unset | UUID): The service product billed for time that has none.
        email_sender (None | str | Unset):
        terms (Terms | Unset):
        vat_number (None | str | Unset): The seller's VAT number.
        company_id (None | str | Unset): The seller's registration id (in France the SIREN), checked against
            `company_id_scheme` when that is 0002 (SIREN) or 0009 (SIRET).
        company_id_scheme (None | str | Unset):
        registration (None | str | Unset): The trade register entry printed on invoices, e.g. "RCS Paris 123 456 782".
        legal_form_and_capital (None | str | Unset): Legal form and share capital printed on invoices, e.g. "SAS au
            capital de 10 000 €".
        language (SettingsUpdateLanguage | Unset): The language of every printed label of invoices and credit notes:
            `en` (default) or `fr`.
        einvoice_format (SettingsUpdateEinvoiceFormat | Unset): What an emailed invoice carries: `pdf` (default), or
            `facturx`, the PDF/A-3 with its EN 16931 XML (Factur-X) embedded.
        accounting (Accounting | Unset): How exports to accounting software fill their codes (SPEC §12).
    """

    legal_name: str | Unset = UNSET
    legal_address: Address | None | Unset = UNSET
    timezone: str | Unset = UNSET
    currency: str | Unset = UNSET
    invoice_number_prefix: str | Unset = UNSET
    invoice_number_yearly_reset: bool | Unset = UNSET
    credit_note_number_prefix: str | Unset = UNSET
    default_product_id: None | Unset | UUID = UNSET
    email_sender: None | str | Unset = UNSET
    terms: Terms | Unset = UNSET
    vat_number: None | str | Unset = UNSET
    company_id: None | str | Unset = UNSET
    company_id_scheme: None | str | Unset = UNSET
    registration: None | str | Unset = UNSET
    legal_form_and_capital: None | str | Unset = UNSET
    language: SettingsUpdateLanguage | Unset = UNSET
    einvoice_format: SettingsUpdateEinvoiceFormat | Unset = UNSET
    accounting: Accounting | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415

        legal_name = self.legal_name

        legal_address: dict[str, Any] | None | Unset
        if isinstance(self.legal_address, Unset):
            legal_address = UNSET
        elif isinstance(self.legal_address, Address):
            legal_address = self.legal_address.to_dict()
        else:
            legal_address = self.legal_address

        timezone = self.timezone

        currency = self.currency

        invoice_number_prefix = self.invoice_number_prefix

        invoice_number_yearly_reset = self.invoice_number_yearly_reset

        credit_note_number_prefix = self.credit_note_number_prefix

        default_product_id: None | str | Unset
        if isinstance(self.default_product_id, Unset):
            default_product_id = UNSET
        elif isinstance(self.default_product_id, UUID):
            default_product_id = str(self.default_product_id)
        else:
            default_product_id = self.default_product_id

        email_sender: None | str | Unset
        if isinstance(self.email_sender, Unset):
            email_sender = UNSET
        else:
            email_sender = self.email_sender

        terms: dict[str, Any] | Unset = UNSET
        if not isinstance(self.terms, Unset):
            terms = self.terms.to_dict()

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

        company_id_scheme: None | str | Unset
        if isinstance(self.company_id_scheme, Unset):
            company_id_scheme = UNSET
        else:
            company_id_scheme = self.company_id_scheme

        registration: None | str | Unset
        if isinstance(self.registration, Unset):
            registration = UNSET
        else:
            registration = self.registration

        legal_form_and_capital: None | str | Unset
        if isinstance(self.legal_form_and_capital, Unset):
            legal_form_and_capital = UNSET
        else:
            legal_form_and_capital = self.legal_form_and_capital

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        einvoice_format: str | Unset = UNSET
        if not isinstance(self.einvoice_format, Unset):
            einvoice_format = self.einvoice_format.value

        accounting: dict[str, Any] | Unset = UNSET
        if not isinstance(self.accounting, Unset):
            accounting = self.accounting.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if legal_name is not UNSET:
            field_dict["legal_name"] = legal_name
        if legal_address is not UNSET:
            field_dict["legal_address"] = legal_address
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if currency is not UNSET:
            field_dict["currency"] = currency
        if invoice_number_prefix is not UNSET:
            field_dict["invoice_number_prefix"] = invoice_number_prefix
        if invoice_number_yearly_reset is not UNSET:
            field_dict["invoice_number_yearly_reset"] = invoice_number_yearly_reset
        if credit_note_number_prefix is not UNSET:
            field_dict["credit_note_number_prefix"] = credit_note_number_prefix
        if default_product_id is not UNSET:
            field_dict["default_product_id"] = default_product_id
        if email_sender is not UNSET:
            field_dict["email_sender"] = email_sender
        if terms is not UNSET:
            field_dict["terms"] = terms
        if vat_number is not UNSET:
            field_dict["vat_number"] = vat_number
        if company_id is not UNSET:
            field_dict["company_id"] = company_id
        if company_id_scheme is not UNSET:
            field_dict["company_id_scheme"] = company_id_scheme
        if registration is not UNSET:
            field_dict["registration"] = registration
        if legal_form_and_capital is not UNSET:
            field_dict["legal_form_and_capital"] = legal_form_and_capital
        if language is not UNSET:
            field_dict["language"] = language
        if einvoice_format is not UNSET:
            field_dict["einvoice_format"] = einvoice_format
        if accounting is not UNSET:
            field_dict["accounting"] = accounting

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.accounting import Accounting  # noqa: PLC0415
        from ..models.address import Address  # noqa: PLC0415
        from ..models.terms import Terms  # noqa: PLC0415

        d = dict(src_dict)
        legal_name = d.pop("legal_name", UNSET)

        def _parse_legal_address(data: object) -> Address | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                legal_address_type_0 = Address.from_dict(data)

                return legal_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Address | None | Unset, data)

        legal_address = _parse_legal_address(d.pop("legal_address", UNSET))

        timezone = d.pop("timezone", UNSET)

        currency = d.pop("currency", UNSET)

        invoice_number_prefix = d.pop("invoice_number_prefix", UNSET)

        invoice_number_yearly_reset = d.pop("invoice_number_yearly_reset", UNSET)

        credit_note_number_prefix = d.pop("credit_note_number_prefix", UNSET)

        def _parse_default_product_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                default_product_id_type_0 = UUID(data)

                return default_product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        default_product_id = _parse_default_product_id(d.pop("default_product_id", UNSET))

        def _parse_email_sender(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email_sender = _parse_email_sender(d.pop("email_sender", UNSET))

        _terms = d.pop("terms", UNSET)
        terms: Terms | Unset
        if isinstance(_terms, Unset):
            terms = UNSET
        else:
            terms = Terms.from_dict(_terms)

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

        def _parse_company_id_scheme(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company_id_scheme = _parse_company_id_scheme(d.pop("company_id_scheme", UNSET))

        def _parse_registration(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        registration = _parse_registration(d.pop("registration", UNSET))

        def _parse_legal_form_and_capital(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_form_and_capital = _parse_legal_form_and_capital(d.pop("legal_form_and_capital", UNSET))

        _language = d.pop("language", UNSET)
        language: SettingsUpdateLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = SettingsUpdateLanguage(_language)

        _einvoice_format = d.pop("einvoice_format", UNSET)
        einvoice_format: SettingsUpdateEinvoiceFormat | Unset
        if isinstance(_einvoice_format, Unset):
            einvoice_format = UNSET
        else:
            einvoice_format = SettingsUpdateEinvoiceFormat(_einvoice_format)

        _accounting = d.pop("accounting", UNSET)
        accounting: Accounting | Unset
        if isinstance(_accounting, Unset):
            accounting = UNSET
        else:
            accounting = Accounting.from_dict(_accounting)

        settings_update = cls(
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
            accounting=accounting,
        )

        return settings_update
