"""Contains all the data models used in inputs/outputs"""

from .accounting import Accounting
from .accounting_out import AccountingOut
from .accounting_out_tax_types import AccountingOutTaxTypes
from .accounting_tax_types import AccountingTaxTypes
from .address import Address
from .address_out import AddressOut
from .adjustment_create import AdjustmentCreate
from .batch_links import BatchLinks
from .batch_summary import BatchSummary
from .bill_to_address import BillToAddress
from .bill_to_out import BillToOut
from .block_balance import BlockBalance
from .block_create import BlockCreate
from .block_out import BlockOut
from .bulk_item_result import BulkItemResult
from .bulk_item_result_result import BulkItemResultResult
from .bulk_result import BulkResult
from .bulk_upsert_contracts_on_error import BulkUpsertContractsOnError
from .bulk_upsert_customers_on_error import BulkUpsertCustomersOnError
from .bulk_upsert_time_entries_on_error import BulkUpsertTimeEntriesOnError
from .bulk_upsert_work_items_on_error import BulkUpsertWorkItemsOnError
from .completed_batch import CompletedBatch
from .contract_bulk import ContractBulk
from .contract_bulk_item import ContractBulkItem
from .contract_bulk_item_kind import ContractBulkItemKind
from .contract_create import ContractCreate
from .contract_create_kind import ContractCreateKind
from .contract_details import ContractDetails
from .contract_out import ContractOut
from .contract_out_kind import ContractOutKind
from .contract_update import ContractUpdate
from .contract_update_kind import ContractUpdateKind
from .created_credit_note import CreatedCreditNote
from .created_invoice import CreatedInvoice
from .credit_note_event import CreditNoteEvent
from .credit_request import CreditRequest
from .currency_totals import CurrencyTotals
from .custom_cycle import CustomCycle
from .customer_bulk import CustomerBulk
from .customer_bulk_item import CustomerBulkItem
from .customer_bulk_item_kind import CustomerBulkItemKind
from .customer_create import CustomerCreate
from .customer_create_kind import CustomerCreateKind
from .customer_out import CustomerOut
from .customer_out_kind import CustomerOutKind
from .customer_update import CustomerUpdate
from .customer_update_kind import CustomerUpdateKind
from .delivery import Delivery
from .delivery_reason_type_0 import DeliveryReasonType0
from .delivery_status import DeliveryStatus
from .export_create import ExportCreate
from .export_create_format import ExportCreateFormat
from .export_out import ExportOut
from .export_out_format import ExportOutFormat
from .export_out_status import ExportOutStatus
from .failed_customer import FailedCustomer
from .field_error import FieldError
from .fortnightly_cycle import FortnightlyCycle
from .healthz_response_healthz import HealthzResponseHealthz
from .invoice_batch_completed_event import InvoiceBatchCompletedEvent
from .invoice_batch_definition import InvoiceBatchDefinition
from .invoice_batch_definition_invoice_per import InvoiceBatchDefinitionInvoicePer
from .invoice_batch_definition_line_grouping import InvoiceBatchDefinitionLineGrouping
from .invoice_batch_definition_source_type_type_0 import InvoiceBatchDefinitionSourceTypeType0
from .invoice_batch_out import InvoiceBatchOut
from .invoice_batch_preview import InvoiceBatchPreview
from .invoice_batch_report import InvoiceBatchReport
from .invoice_event import InvoiceEvent
from .invoice_event_type import InvoiceEventType
from .invoice_line_out import InvoiceLineOut
from .invoice_out import InvoiceOut
from .invoice_out_payment_status import InvoiceOutPaymentStatus
from .invoice_out_status import InvoiceOutStatus
from .invoice_out_type import InvoiceOutType
from .invoice_with_reasons import InvoiceWithReasons
from .list_customers_kind_type_0 import ListCustomersKindType0
from .list_invoice_batches_status_type_0 import ListInvoiceBatchesStatusType0
from .list_invoices_payment_status_type_0 import ListInvoicesPaymentStatusType0
from .list_invoices_status_type_0 import ListInvoicesStatusType0
from .list_invoices_type_type_0 import ListInvoicesTypeType0
from .list_time_entries_status_type_0 import ListTimeEntriesStatusType0
from .list_work_items_type_type_0 import ListWorkItemsTypeType0
from .monthly_cycle import MonthlyCycle
from .no_cycle import NoCycle
from .page_contract_out import PageContractOut
from .page_created_credit_note import PageCreatedCreditNote
from .page_created_invoice import PageCreatedInvoice
from .page_customer_out import PageCustomerOut
from .page_export_out import PageExportOut
from .page_invoice_batch_out import PageInvoiceBatchOut
from .page_invoice_out import PageInvoiceOut
from .page_invoice_with_reasons import PageInvoiceWithReasons
from .page_payment_out import PagePaymentOut
from .page_price_out import PagePriceOut
from .page_product_out import PageProductOut
from .page_selection_out import PageSelectionOut
from .page_time_entry_out import PageTimeEntryOut
from .page_unbilled_time import PageUnbilledTime
from .page_uuid import PageUUID
from .page_webhook_delivery_out import PageWebhookDeliveryOut
from .page_webhook_endpoint_out import PageWebhookEndpointOut
from .page_work_item_out import PageWorkItemOut
from .payment_create import PaymentCreate
from .payment_create_method import PaymentCreateMethod
from .payment_out import PaymentOut
from .payment_out_method import PaymentOutMethod
from .preview_credit_note import PreviewCreditNote
from .preview_invoice import PreviewInvoice
from .preview_line import PreviewLine
from .price_create import PriceCreate
from .price_out import PriceOut
from .price_update import PriceUpdate
from .problem import Problem
from .product_create import ProductCreate
from .product_out import ProductOut
from .product_update import ProductUpdate
from .progress import Progress
from .reason import Reason
from .report_counts import ReportCounts
from .selection_create import SelectionCreate
from .selection_out import SelectionOut
from .selection_update import SelectionUpdate
from .settings_out import SettingsOut
from .settings_out_einvoice_format import SettingsOutEinvoiceFormat
from .settings_out_language import SettingsOutLanguage
from .settings_update import SettingsUpdate
from .settings_update_einvoice_format import SettingsUpdateEinvoiceFormat
from .settings_update_language import SettingsUpdateLanguage
from .skipped import Skipped
from .skipped_reason import SkippedReason
from .sort_order import SortOrder
from .tax_out import TaxOut
from .terms import Terms
from .terms_out import TermsOut
from .time_entry_bulk import TimeEntryBulk
from .time_entry_bulk_item import TimeEntryBulkItem
from .time_entry_bulk_item_status import TimeEntryBulkItemStatus
from .time_entry_create import TimeEntryCreate
from .time_entry_create_status import TimeEntryCreateStatus
from .time_entry_out import TimeEntryOut
from .time_entry_out_adjustment_status_type_0 import TimeEntryOutAdjustmentStatusType0
from .time_entry_out_status import TimeEntryOutStatus
from .time_entry_update import TimeEntryUpdate
from .time_entry_update_status import TimeEntryUpdateStatus
from .time_rounding import TimeRounding
from .time_rounding_increment_minutes import TimeRoundingIncrementMinutes
from .time_rounding_mode import TimeRoundingMode
from .time_rounding_out import TimeRoundingOut
from .time_rounding_out_mode import TimeRoundingOutMode
from .totals import Totals
from .unbilled_time import UnbilledTime
from .webhook_delivery_out import WebhookDeliveryOut
from .webhook_delivery_out_event_type import WebhookDeliveryOutEventType
from .webhook_delivery_out_status import WebhookDeliveryOutStatus
from .webhook_endpoint_create import WebhookEndpointCreate
from .webhook_endpoint_create_events_item import WebhookEndpointCreateEventsItem
from .webhook_endpoint_out import WebhookEndpointOut
from .webhook_endpoint_out_events_item import WebhookEndpointOutEventsItem
from .webhook_endpoint_update import WebhookEndpointUpdate
from .webhook_endpoint_update_events_item import WebhookEndpointUpdateEventsItem
from .webhook_endpoint_with_secret import WebhookEndpointWithSecret
from .webhook_endpoint_with_secret_events_item import WebhookEndpointWithSecretEventsItem
from .weekly_cycle import WeeklyCycle
from .weekly_cycle_week_ends_on import WeeklyCycleWeekEndsOn
from .work_item_bulk import WorkItemBulk
from .work_item_bulk_item import WorkItemBulkItem
from .work_item_bulk_item_type import WorkItemBulkItemType
from .work_item_create import WorkItemCreate
from .work_item_create_type import WorkItemCreateType
from .work_item_out import WorkItemOut
from .work_item_out_type import WorkItemOutType
from .work_item_update import WorkItemUpdate
from .work_item_update_type import WorkItemUpdateType

__all__ = (
    "Accounting",
    "AccountingOut",
    "AccountingOutTaxTypes",
    "AccountingTaxTypes",
    "Address",
    "AddressOut",
    "AdjustmentCreate",
    "BatchLinks",
    "BatchSummary",
    "BillToAddress",
    "BillToOut",
    "BlockBalance",
    "BlockCreate",
    "BlockOut",
    "BulkItemResult",
    "BulkItemResultResult",
    "BulkResult",
    "BulkUpsertContractsOnError",
    "BulkUpsertCustomersOnError",
    "BulkUpsertTimeEntriesOnError",
    "BulkUpsertWorkItemsOnError",
    "CompletedBatch",
    "ContractBulk",
    "ContractBulkItem",
    "ContractBulkItemKind",
    "ContractCreate",
    "ContractCreateKind",
    "ContractDetails",
    "ContractOut",
    "ContractOutKind",
    "ContractUpdate",
    "ContractUpdateKind",
    "CreatedCreditNote",
    "CreatedInvoice",
    "CreditNoteEvent",
    "CreditRequest",
    "CurrencyTotals",
    "CustomCycle",
    "CustomerBulk",
    "CustomerBulkItem",
    "CustomerBulkItemKind",
    "CustomerCreate",
    "CustomerCreateKind",
    "CustomerOut",
    "CustomerOutKind",
    "CustomerUpdate",
    "CustomerUpdateKind",
    "Delivery",
    "DeliveryReasonType0",
    "DeliveryStatus",
    "ExportCreate",
    "ExportCreateFormat",
    "ExportOut",
    "ExportOutFormat",
    "ExportOutStatus",
    "FailedCustomer",
    "FieldError",
    "FortnightlyCycle",
    "HealthzResponseHealthz",
    "InvoiceBatchCompletedEvent",
    "InvoiceBatchDefinition",
    "InvoiceBatchDefinitionInvoicePer",
    "InvoiceBatchDefinitionLineGrouping",
    "InvoiceBatchDefinitionSourceTypeType0",
    "InvoiceBatchOut",
    "InvoiceBatchPreview",
    "InvoiceBatchReport",
    "InvoiceEvent",
    "InvoiceEventType",
    "InvoiceLineOut",
    "InvoiceOut",
    "InvoiceOutPaymentStatus",
    "InvoiceOutStatus",
    "InvoiceOutType",
    "InvoiceWithReasons",
    "ListCustomersKindType0",
    "ListInvoiceBatchesStatusType0",
    "ListInvoicesPaymentStatusType0",
    "ListInvoicesStatusType0",
    "ListInvoicesTypeType0",
    "ListTimeEntriesStatusType0",
    "ListWorkItemsTypeType0",
    "MonthlyCycle",
    "NoCycle",
    "PageContractOut",
    "PageCreatedCreditNote",
    "PageCreatedInvoice",
    "PageCustomerOut",
    "PageExportOut",
    "PageInvoiceBatchOut",
    "PageInvoiceOut",
    "PageInvoiceWithReasons",
    "PagePaymentOut",
    "PagePriceOut",
    "PageProductOut",
    "PageSelectionOut",
    "PageTimeEntryOut",
    "PageUnbilledTime",
    "PageUUID",
    "PageWebhookDeliveryOut",
    "PageWebhookEndpointOut",
    "PageWorkItemOut",
    "PaymentCreate",
    "PaymentCreateMethod",
    "PaymentOut",
    "PaymentOutMethod",
    "PreviewCreditNote",
    "PreviewInvoice",
    "PreviewLine",
    "PriceCreate",
    "PriceOut",
    "PriceUpdate",
    "Problem",
    "ProductCreate",
    "ProductOut",
    "ProductUpdate",
    "Progress",
    "Reason",
    "ReportCounts",
    "SelectionCreate",
    "SelectionOut",
    "SelectionUpdate",
    "SettingsOut",
    "SettingsOutEinvoiceFormat",
    "SettingsOutLanguage",
    "SettingsUpdate",
    "SettingsUpdateEinvoiceFormat",
    "SettingsUpdateLanguage",
    "Skipped",
    "SkippedReason",
    "SortOrder",
    "TaxOut",
    "Terms",
    "TermsOut",
    "TimeEntryBulk",
    "TimeEntryBulkItem",
    "TimeEntryBulkItemStatus",
    "TimeEntryCreate",
    "TimeEntryCreateStatus",
    "TimeEntryOut",
    "TimeEntryOutAdjustmentStatusType0",
    "TimeEntryOutStatus",
    "TimeEntryUpdate",
    "TimeEntryUpdateStatus",
    "TimeRounding",
    "TimeRoundingIncrementMinutes",
    "TimeRoundingMode",
    "TimeRoundingOut",
    "TimeRoundingOutMode",
    "Totals",
    "UnbilledTime",
    "WebhookDeliveryOut",
    "WebhookDeliveryOutEventType",
    "WebhookDeliveryOutStatus",
    "WebhookEndpointCreate",
    "WebhookEndpointCreateEventsItem",
    "WebhookEndpointOut",
    "WebhookEndpointOutEventsItem",
    "WebhookEndpointUpdate",
    "WebhookEndpointUpdateEventsItem",
    "WebhookEndpointWithSecret",
    "WebhookEndpointWithSecretEventsItem",
    "WeeklyCycle",
    "WeeklyCycleWeekEndsOn",
    "WorkItemBulk",
    "WorkItemBulkItem",
    "WorkItemBulkItemType",
    "WorkItemCreate",
    "WorkItemCreateType",
    "WorkItemOut",
    "WorkItemOutType",
    "WorkItemUpdate",
    "WorkItemUpdateType",
)
