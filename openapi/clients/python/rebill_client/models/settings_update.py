from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.terms import Terms


T = TypeVar("T", bound="SettingsUpdate")


@_attrs_define
class SettingsUpdate:
    """
    Attributes:
        legal_name (None | str | Unset):
        legal_address (Address | None | Unset):
        timezone (None | str | Unset): IANA time zone, e.g. Europe/Paris.
        currency (None | str | Unset):
        invoice_number_prefix (None | str | Unset):
        invoice_number_yearly_reset (bool | None | Unset): true: numbers read PREFIX-YYYY-NNNNNN and restart each year.
        default_product_id (None | Unset | UUID): The service product billed for time that has none.
        email_sender (None | str | Unset):
        terms (None | Terms | Unset): Merged into the current terms: fields left out are kept.
    """

    legal_name: None | str | Unset = UNSET
    legal_address: Address | None | Unset = UNSET
    timezone: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    invoice_number_prefix: None | str | Unset = UNSET
    invoice_number_yearly_reset: bool | None | Unset = UNSET
    default_product_id: None | Unset | UUID = UNSET
    email_sender: None | str | Unset = UNSET
    terms: None | Terms | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.terms import Terms  # noqa: PLC0415

        legal_name: None | str | Unset
        if isinstance(self.legal_name, Unset):
            legal_name = UNSET
        else:
            legal_name = self.legal_name

        legal_address: dict[str, Any] | None | Unset
        if isinstance(self.legal_address, Unset):
            legal_address = UNSET
        elif isinstance(self.legal_address, Address):
            legal_address = self.legal_address.to_dict()
        else:
            legal_address = self.legal_address

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        invoice_number_prefix: None | str | Unset
        if isinstance(self.invoice_number_prefix, Unset):
            invoice_number_prefix = UNSET
        else:
            invoice_number_prefix = self.invoice_number_prefix

        invoice_number_yearly_reset: bool | None | Unset
        if isinstance(self.invoice_number_yearly_reset, Unset):
            invoice_number_yearly_reset = UNSET
        else:
            invoice_number_yearly_reset = self.invoice_number_yearly_reset

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

        terms: dict[str, Any] | None | Unset
        if isinstance(self.terms, Unset):
            terms = UNSET
        elif isinstance(self.terms, Terms):
            terms = self.terms.to_dict()
        else:
            terms = self.terms

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
        if default_product_id is not UNSET:
            field_dict["default_product_id"] = default_product_id
        if email_sender is not UNSET:
            field_dict["email_sender"] = email_sender
        if terms is not UNSET:
            field_dict["terms"] = terms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.terms import Terms  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_legal_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_name = _parse_legal_name(d.pop("legal_name", UNSET))

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

        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_invoice_number_prefix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invoice_number_prefix = _parse_invoice_number_prefix(d.pop("invoice_number_prefix", UNSET))

        def _parse_invoice_number_yearly_reset(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        invoice_number_yearly_reset = _parse_invoice_number_yearly_reset(d.pop("invoice_number_yearly_reset", UNSET))

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

        settings_update = cls(
            legal_name=legal_name,
            legal_address=legal_address,
            timezone=timezone,
            currency=currency,
            invoice_number_prefix=invoice_number_prefix,
            invoice_number_yearly_reset=invoice_number_yearly_reset,
            default_product_id=default_product_id,
            email_sender=email_sender,
            terms=terms,
        )

        return settings_update
