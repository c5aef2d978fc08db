"""Every API router, in the order they appear in the OpenAPI document."""

from app.contracts.endpoints import router as contracts
from app.customers.endpoints import router as customers
from app.exports.endpoints import router as exports
from app.invoice_batches.endpoints import router as invoice_batches
from app.invoices.endpoints import router as invoices
from app.products.endpoints import prices_router as prices
from app.products.endpoints import router as products
from app.selections.endpoints import router as selections
from app.settings.endpoints import router as settings
from app.time_entries.endpoints import router as time_entries
from app.webhooks.endpoints import router as webhooks
from app.work_items.endpoints import router as work_items

ROUTERS = [settings, customers, products, prices, contracts, work_items, time_entries, selections, invoice_batches,
           invoices, exports, webhooks]
