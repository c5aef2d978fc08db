from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

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
            accounting=accounting,
        )

        return settings_update
