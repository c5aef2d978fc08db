"""Credit notes (SPEC §10), and "a time entry is on at most one line of an invoice that is not
credited" kept by the database.

- invoices: `type` (invoice | credit_note), `credited_invoice_ids` (on a credit note, the invoices it
  credits), `credited_amount` (on an invoice, how much credit notes have credited), status
  `credited`, `credit_reason` (why a credit note was made by hand). A batch may make one invoice and one credit note per customer: the unique key
  becomes (batch_id, customer_id, type).
- invoice_lines: `credited_invoice_id` and `credited_line_id` on a credit note's lines (what each
  credits), `released` on a credited invoice's lines.
- The invariant. UNIQUE(time_entry_id) said "an entry is billed once, ever": true until a credit
  note gives time back. It becomes a partial unique index over the active lines: those that are
  not on a credit note (credited_invoice_id IS NULL) and whose time was not released
  (NOT released). Crediting with release_time sets `released` on the invoice's lines in the same
  transaction that clears the entries' links, so the entry may go on exactly one new line, and
  history keeps every earlier line. Crediting without releasing leaves the lines active: the
  entry stays billed (on a credited invoice) and no batch can bill it again. The flag lives on the
  line, not on the invoice, because an index can only read its own row; it is set once and never
  cleared. The batch's write (`_WRITE_INVOICE`) inserts its lines without ON CONFLICT, so a second
  active line for an entry still fails the customer's transaction with a unique violation.
  A plain index on time_entry_id stays for the entry's foreign key, which the partial one cannot serve.
- Numbering: invoice_number_counters gains `kind` in its key (invoice or credit_note), so credit
  notes have their own gapless sequence; the commit-time trigger of 0009 draws from the counter of
  the invoice's type. Existing counters are invoice counters. Settings gain
  `credit_note_number_prefix` (default CN-).

Revision ID: 0013
Revises: 0012
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate writes sqlmodel.sql.sqltypes.AutoString)
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NUMBER_AT_COMMIT = """
CREATE OR REPLACE FUNCTION rebill_number_invoice_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  drawn bigint;
BEGIN
  INSERT INTO invoice_number_counters (tenant_id, kind, year, last_number) VALUES (NEW.tenant_id, NEW.type, NEW.number_year, 1)
  ON CONFLICT (tenant_id, kind, year) DO UPDATE SET last_number = invoice_number_counters.last_number + 1
  RETURNING last_number INTO drawn;
  -- as app/invoicing/numbering.py format_number: at least six digits
  UPDATE invoices SET status = 'validated', validated_at = now(), number_prefix = NULL, number_year = NULL,
         number = NEW.number_prefix || CASE WHEN drawn >= 1000000 THEN drawn::text ELSE lpad(drawn::text, 6, '0') END
  WHERE id = NEW.id;
  RETURN NULL;
END
$$
"""

NUMBER_AT_COMMIT_0009 = """
CREATE OR REPLACE FUNCTION rebill_number_invoice_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  drawn bigint;
BEGIN
  INSERT INTO invoice_number_counters (tenant_id, year, last_number) VALUES (NEW.tenant_id, NEW.number_year, 1)
  ON CONFLICT (tenant_id, year) DO UPDATE SET last_number = invoice_number_counters.last_number + 1
  RETURNING last_number INTO drawn;
  UPDATE invoices SET status = 'validated', validated_at = now(), number_prefix = NULL, number_year = NULL,
         number = NEW.number_prefix || CASE WHEN drawn >= 1000000 THEN drawn::text ELSE lpad(drawn::text, 6, '0') END
  WHERE id = NEW.id;
  RETURN NULL;
END
$$
"""


def upgrade() -> None:
    op.add_column("invoices", sa.Column("type", sqlmodel.sql.sqltypes.AutoString(), server_default="invoice",
                                        nullable=False))
    op.add_column("invoices", sa.Column("credited_invoice_ids", sa.ARRAY(sa.Uuid()),
                                        server_default=sa.text("'{}'::uuid[]"), nullable=False))
    op.add_column("invoices", sa.Column("credited_amount", sa.Numeric(18, 4), server_default="0", nullable=False))
    op.add_column("invoices", sa.Column("credit_reason", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    op.drop_constraint(op.f("ck_invoices_status"), "invoices", type_="check")
    op.create_check_constraint("status", "invoices", "status IN ('draft', 'validated', 'credited')")
    op.create_check_constraint("type", "invoices", "type IN ('invoice', 'credit_note')")
    op.create_check_constraint("credited_is_invoice", "invoices",
                               "type = 'invoice' OR (status <> 'credited' AND credited_amount = 0)")
    op.create_check_constraint("credits_only_on_credit_notes", "invoices",
                               "type = 'credit_note' OR cardinality(credited_invoice_ids) = 0")
    op.drop_constraint(op.f("uq_invoices_batch_id_customer_id"), "invoices", type_="unique")
    op.create_unique_constraint(op.f("uq_invoices_batch_id_customer_id_type"), "invoices", ["batch_id", "customer_id", "type"])

    op.add_column("invoice_lines", sa.Column("credited_invoice_id", sa.Uuid(), nullable=True))
    op.add_column("invoice_lines", sa.Column("credited_line_id", sa.Uuid(), nullable=True))
    op.add_column("invoice_lines", sa.Column("released", sa.Boolean(), server_default="false", nullable=False))
    op.create_foreign_key(op.f("fk_invoice_lines_tenant_id_credited_invoice_id_invoices"), "invoice_lines", "invoices",
                          ["tenant_id", "credited_invoice_id"], ["tenant_id", "id"], ondelete="RESTRICT")
    op.create_foreign_key(op.f("fk_invoice_lines_credited_line_id_invoice_lines"), "invoice_lines", "invoice_lines",
                          ["credited_line_id"], ["id"], ondelete="RESTRICT")
    op.create_index("ix_invoice_lines_credited_invoice_id", "invoice_lines", ["credited_invoice_id"],
                    postgresql_where=sa.text("credited_invoice_id IS NOT NULL"))
    op.create_index("ix_invoice_lines_credited_line_id", "invoice_lines", ["credited_line_id"],
                    postgresql_where=sa.text("credited_line_id IS NOT NULL"))
    op.create_index("ix_invoice_lines_time_entry_id", "invoice_lines", ["time_entry_id"])
    op.create_index("uq_invoice_lines_time_entry_id_active", "invoice_lines", ["time_entry_id"], unique=True,
                    postgresql_where=sa.text("credited_invoice_id IS NULL AND NOT released"))
    op.drop_constraint(op.f("uq_invoice_lines_time_entry_id"), "invoice_lines", type_="unique")

    op.add_column("invoice_number_counters", sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(),
                                                       server_default="invoice", nullable=False))
    op.alter_column("invoice_number_counters", "kind", server_default=None)
    op.drop_constraint(op.f("pk_invoice_number_counters"), "invoice_number_counters", type_="primary")
    op.create_primary_key(op.f("pk_invoice_number_counters"), "invoice_number_counters", ["tenant_id", "kind", "year"])
    op.execute(NUMBER_AT_COMMIT)

    op.add_column("tenant_settings", sa.Column("credit_note_number_prefix", sqlmodel.sql.sqltypes.AutoString(),
                                               server_default="CN-", nullable=False))


def downgrade() -> None:
    # Only possible while no credit note exists: the old keys cannot hold them.
    op.drop_column("tenant_settings", "credit_note_number_prefix")
    op.execute(NUMBER_AT_COMMIT_0009)
    op.execute("DELETE FROM invoice_number_counters WHERE kind <> 'invoice'")
    op.drop_constraint(op.f("pk_invoice_number_counters"), "invoice_number_counters", type_="primary")
    op.create_primary_key(op.f("pk_invoice_number_counters"), "invoice_number_counters", ["tenant_id", "year"])
    op.drop_column("invoice_number_counters", "kind")

    op.create_unique_constraint(op.f("uq_invoice_lines_time_entry_id"), "invoice_lines", ["time_entry_id"])
    op.drop_index("uq_invoice_lines_time_entry_id_active", table_name="invoice_lines")
    op.drop_index("ix_invoice_lines_time_entry_id", table_name="invoice_lines")
    op.drop_index("ix_invoice_lines_credited_line_id", table_name="invoice_lines")
    op.drop_index("ix_invoice_lines_credited_invoice_id", table_name="invoice_lines")
    op.drop_constraint(op.f("fk_invoice_lines_credited_line_id_invoice_lines"), "invoice_lines", type_="foreignkey")
    op.drop_constraint(op.f("fk_invoice_lines_tenant_id_credited_invoice_id_invoices"), "invoice_lines", type_="foreignkey")
    op.drop_column("invoice_lines", "released")
    op.drop_column("invoice_lines", "credited_line_id")
    op.drop_column("invoice_lines", "credited_invoice_id")

    op.drop_constraint(op.f("uq_invoices_batch_id_customer_id_type"), "invoices", type_="unique")
    op.create_unique_constraint(op.f("uq_invoices_batch_id_customer_id"), "invoices", ["batch_id", "customer_id"])
    op.drop_constraint(op.f("ck_invoices_credits_only_on_credit_notes"), "invoices", type_="check")
    op.drop_constraint(op.f("ck_invoices_credited_is_invoice"), "invoices", type_="check")
    op.drop_constraint(op.f("ck_invoices_type"), "invoices", type_="check")
    op.drop_constraint(op.f("ck_invoices_status"), "invoices", type_="check")
    op.create_check_constraint("status", "invoices", "status IN ('draft', 'validated')")
    op.drop_column("invoices", "credit_reason")
    op.drop_column("invoices", "credited_amount")
    op.drop_column("invoices", "credited_invoice_ids")
    op.drop_column("invoices", "type")
