from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_delivery_out_event_type import WebhookDeliveryOutEventType
from ..models.webhook_delivery_out_status import WebhookDeliveryOutStatus

T = TypeVar("T", bound="WebhookDeliveryOut")


@_attrs_define
class WebhookDeliveryOut:
    """
    Attributes:
        id (UUID):
        event_id (str):
        event_type (WebhookDeliveryOutEventType):
        attempt (int):
        status (WebhookDeliveryOutStatus):
        response_status (int | None):
        response_body (None | str): The receiver's answer, truncated to 1 KiB.
        error (None | str):
        next_attempt_at (datetime.datetime | None): Pending: when this attempt is due. Failed: when the next one is,
            null when none will be.
        attempted_at (datetime.datetime | None):
        created_at (datetime.datetime):
    """

    id: UUID
    event_id: str
    event_type: WebhookDeliveryOutEventType
    attempt: int
    status: WebhookDeliveryOutStatus
    response_status: int | None
    response_body: None | str
    error: None | str
    next_attempt_at: datetime.datetime | None
    attempted_at: datetime.datetime | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        event_id = self.event_id

        event_type = self.event_type.value

        attempt = self.attempt

        status = self.status.value

        response_status: int | None
        response_status = self.response_status

        response_body: None | str
        response_body = self.response_body

        error: None | str
        error = self.error

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        attempted_at: None | str
        if isinstance(self.attempted_at, datetime.datetime):
            attempted_at = self.attempted_at.isoformat()
        else:
            attempted_at = self.attempted_at

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "event_id": event_id,
                "event_type": event_type,
                "attempt": attempt,
                "status": status,
                "response_status": response_status,
                "response_body": response_body,
                "error": error,
                "next_attempt_at": next_attempt_at,
                "attempted_at": attempted_at,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        event_id = d.pop("event_id")

        event_type = WebhookDeliveryOutEventType(d.pop("event_type"))

        attempt = d.pop("attempt")

        status = WebhookDeliveryOutStatus(d.pop("status"))

        def _parse_response_status(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        response_status = _parse_response_status(d.pop("response_status"))

        def _parse_response_body(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        response_body = _parse_response_body(d.pop("response_body"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        def _parse_attempted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                attempted_at_type_0 = datetime.datetime.fromisoformat(data)

                return attempted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        attempted_at = _parse_attempted_at(d.pop("attempted_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        webhook_delivery_out = cls(
            id=id,
            event_id=event_id,
            event_type=event_type,
            attempt=attempt,
            status=status,
            response_status=response_status,
            response_body=response_body,
            error=error,
            next_attempt_at=next_attempt_at,
            attempted_at=attempted_at,
            created_at=created_at,
        )

        webhook_delivery_out.additional_properties = d
        return webhook_delivery_out

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
