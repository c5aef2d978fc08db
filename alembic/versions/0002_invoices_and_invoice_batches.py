"""invoices and invoice batches

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 12:33:15.475876
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate writes sqlmodel.sql.sqltypes.AutoString)
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('idempotency_keys',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('request_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('response_status', sa.Integer(), nullable=False),
    sa.Column('response_body', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'key')
    )
    op.create_table('invoice_batches',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('selection_id', sa.Uuid(), nullable=True),
    sa.Column('customer_ids', sa.ARRAY(sa.Uuid()), nullable=True),
    sa.Column('source_type', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('show_employee_names', sa.Boolean(), nullable=False),
    sa.Column('validate_invoices', sa.Boolean(), nullable=False),
    sa.Column('send', sa.Boolean(), nullable=False),
    sa.Column('product_mandatory', sa.Boolean(), nullable=False),
    sa.Column('run_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('notify_email', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('customers_total', sa.Integer(), nullable=False),
    sa.Column('customers_done', sa.Integer(), nullable=False),
    sa.Column('error', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('runs', sa.Integer(), nullable=False),
    sa.Column('heartbeat_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('scheduled', 'running', 'succeeded', 'completed_with_errors', 'failed', 'cancelled')", name='status'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('tenant_id', 'id', name='uq_invoice_batches_tenant_id_id')
    )
    op.create_index('ix_invoice_batches_status_run_at', 'invoice_batches', ['status', 'run_at'], unique=False)
    op.create_table('invoice_number_counters',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_number', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'year')
    )
    op.create_table('invoice_batch_customers',
    sa.Column('batch_id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('error', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.CheckConstraint("outcome IN ('invoiced', 'no_times', 'failed')", name='outcome'),
    sa.ForeignKeyConstraint(['tenant_id', 'batch_id'], ['invoice_batches.tenant_id', 'invoice_batches.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('batch_id', 'customer_id')
    )
    op.create_index('ix_invoice_batch_customers_pending', 'invoice_batch_customers', ['batch_id', 'position'], unique=False, postgresql_where='outcome IS NULL')
    op.create_table('invoice_batch_unbilled',
    sa.Column('batch_id', sa.Uuid(), nullable=False),
    sa.Column('time_entry_id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id', 'batch_id'], ['invoice_batches.tenant_id', 'invoice_batches.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('batch_id', 'time_entry_id')
    )
    op.create_table('invoices',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('batch_id', sa.Uuid(), nullable=True),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('number', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('bill_to', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('subtitle', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=True),
    sa.Column('period_end', sa.Date(), nullable=True),
    sa.Column('issue_date', sa.Date(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('currency', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('untaxed_amount', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('tax_amount', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('total', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('taxes', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('terms', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('not_validated_reasons', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('delivery_status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('delivery_attempts', sa.Integer(), nullable=False),
    sa.Column('delivery_last_error', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('validated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("delivery_status IN ('not_requested', 'pending', 'sent', 'failed')", name='delivery_status'),
    sa.CheckConstraint("status = 'draft' OR number IS NOT NULL", name='validated_is_numbered'),
    sa.CheckConstraint("status IN ('draft', 'validated')", name='status'),
    sa.ForeignKeyConstraint(['batch_id'], ['invoice_batches.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id', 'customer_id'], ['customers.tenant_id', 'customers.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('batch_id', 'customer_id'),
    sa.UniqueConstraint('tenant_id', 'id', name='uq_invoices_tenant_id_id'),
    sa.UniqueConstraint('tenant_id', 'number')
    )
    op.create_index(op.f('ix_invoices_batch_id'), 'invoices', ['batch_id'], unique=False)
    op.create_index('ix_invoices_tenant_id_customer_id', 'invoices', ['tenant_id', 'customer_id'], unique=False)
    op.create_table('invoice_lines',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('invoice_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('time_entry_id', sa.Uuid(), nullable=True),
    sa.Column('product_id', sa.Uuid(), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('unit', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('unit_price', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('amount', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('tax_rate', sa.Numeric(precision=7, scale=4), nullable=False),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id', 'product_id'], ['products.tenant_id', 'products.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['time_entry_id'], ['time_entries.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('time_entry_id')
    )
    op.create_index('ix_invoice_lines_invoice_id_position', 'invoice_lines', ['invoice_id', 'position'], unique=False)
    op.create_foreign_key(op.f('fk_time_entries_invoice_line_id_invoice_lines'), 'time_entries', 'invoice_lines', ['invoice_line_id'], ['id'], ondelete='SET NULL')
    op.create_foreign_key(op.f('fk_time_entries_invoice_id_invoices'), 'time_entries', 'invoices', ['invoice_id'], ['id'], ondelete='SET NULL')


def downgrade() -> None:
    op.drop_constraint(op.f('fk_time_entries_invoice_id_invoices'), 'time_entries', type_='foreignkey')
    op.drop_constraint(op.f('fk_time_entries_invoice_line_id_invoice_lines'), 'time_entries', type_='foreignkey')
    op.drop_index('ix_invoice_lines_invoice_id_position', table_name='invoice_lines')
    op.drop_table('invoice_lines')
    op.drop_index('ix_invoices_tenant_id_customer_id', table_name='invoices')
    op.drop_index(op.f('ix_invoices_batch_id'), table_name='invoices')
    op.drop_table('invoices')
    op.drop_table('invoice_batch_unbilled')
    op.drop_index('ix_invoice_batch_customers_pending', table_name='invoice_batch_customers', postgresql_where='outcome IS NULL')
    op.drop_table('invoice_batch_customers')
    op.drop_table('invoice_number_counters')
    op.drop_index('ix_invoice_batches_status_run_at', table_name='invoice_batches')
    op.drop_table('invoice_batches')
    op.drop_table('idempotency_keys')
