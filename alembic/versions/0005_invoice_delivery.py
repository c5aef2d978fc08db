"""Invoice delivery: the stored PDF of each validated invoice, the email outbox, and why an
invoice's last delivery failed.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate writes sqlmodel.sql.sqltypes.AutoString)
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('email_outbox',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('invoice_id', sa.Uuid(), nullable=True),
    sa.Column('batch_id', sa.Uuid(), nullable=True),
    sa.Column('recipient', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('message_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('sending_since', sa.DateTime(timezone=True), nullable=True),
    sa.Column('server_answer', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('last_error', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("(kind = 'invoice') = (invoice_id IS NOT NULL)", name='invoice_mail_has_invoice'),
    sa.CheckConstraint("kind IN ('invoice', 'batch_summary')", name='kind'),
    sa.CheckConstraint("status IN ('pending', 'sent', 'failed')", name='status'),
    sa.ForeignKeyConstraint(['tenant_id', 'batch_id'], ['invoice_batches.tenant_id', 'invoice_batches.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id', 'invoice_id'], ['invoices.tenant_id', 'invoices.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('message_id')
    )
    op.create_index('ix_email_outbox_batch_id', 'email_outbox', ['batch_id'], unique=False)
    op.create_index('ix_email_outbox_invoice_id', 'email_outbox', ['invoice_id'], unique=False)
    op.create_index('ix_email_outbox_pending', 'email_outbox', ['created_at'], unique=False, postgresql_where="status = 'pending'")
    op.create_table('invoice_documents',
    sa.Column('invoice_id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id', 'invoice_id'], ['invoices.tenant_id', 'invoices.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('invoice_id')
    )
    op.add_column('invoices', sa.Column('delivery_failure', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    op.create_check_constraint('delivery_failure', 'invoices',
                               "delivery_failure IN ('missing_email', 'delivery_failed')")


def downgrade() -> None:
    op.drop_constraint('ck_invoices_delivery_failure', 'invoices', type_='check')
    op.drop_column('invoices', 'delivery_failure')
    op.drop_table('invoice_documents')
    op.drop_index('ix_email_outbox_pending', table_name='email_outbox', postgresql_where="status = 'pending'")
    op.drop_index('ix_email_outbox_invoice_id', table_name='email_outbox')
    op.drop_index('ix_email_outbox_batch_id', table_name='email_outbox')
    op.drop_table('email_outbox')
