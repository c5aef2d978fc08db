"""One module per table; importing this package registers every table on the metadata."""

from app.models.customer import Customer
from app.models.invoice import Invoice, InvoiceLine, InvoiceNumberCounter
from app.models.invoice_batch import (BATCH_STATUSES, IdempotencyKey, InvoiceBatch, InvoiceBatchCustomer,
                                      InvoiceBatchUnbilled)
from app.models.product import Price, Product
from app.models.selection import Selection, SelectionCustomer
from app.models.settings import TenantSettings
from app.models.tenant import ApiKey, Tenant
from app.models.time_entry import TIME_ENTRY_STATUSES, TimeEntry
from app.models.work_item import WORK_ITEM_TYPES, WorkItem

__all__ = ["ApiKey", "BATCH_STATUSES", "Customer", "IdempotencyKey", "Invoice", "InvoiceBatch",
           "InvoiceBatchCustomer", "InvoiceBatchUnbilled", "InvoiceLine", "InvoiceNumberCounter", "Price", "Product", "Selection", "SelectionCustomer", "TIME_ENTRY_STATUSES",
           "Tenant", "TenantSettings", "TimeEntry", "WORK_ITEM_TYPES", "WorkItem"]
