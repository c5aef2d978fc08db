"""One module per table; importing this package registers every table on the metadata."""

from app.models.console_session import ConsoleSession
from app.models.contract import Contract, ContractBlock, RetainerCycle
from app.models.customer import Customer
from app.models.export import Export, ExportChunk
from app.models.delivery import EmailOutbox, InvoiceDocument
from app.models.invoice import Invoice, InvoiceLine, InvoiceNumberCounter
from app.models.payment import Payment
from app.models.invoice_batch import (IdempotencyKey, InvoiceBatch, InvoiceBatchCustomer,
                                      InvoiceBatchUnbilled)
from app.models.product import Price, Product
from app.models.selection import Selection, SelectionCustomer
from app.models.settings import TenantSettings
from app.models.tenant import ApiKey, Tenant
from app.models.time_entry import TimeEntry
from app.models.webhook import WebhookDelivery, WebhookEndpoint, WebhookEvent
from app.models.work_item import WorkItem

__all__ = ["ApiKey", "ConsoleSession", "Contract", "ContractBlock", "Customer", "EmailOutbox", "Export", "ExportChunk",
           "IdempotencyKey", "Invoice", "InvoiceBatch", "InvoiceBatchCustomer", "InvoiceBatchUnbilled", "InvoiceDocument",
           "InvoiceLine", "InvoiceNumberCounter", "Payment", "Price", "Product", "RetainerCycle",
           "Selection", "SelectionCustomer", "Tenant", "TenantSettings", "TimeEntry", "WebhookDelivery",
           "WebhookEndpoint", "WebhookEvent", "WorkItem"]
