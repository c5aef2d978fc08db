"""Invoice numbers drawn at commit. A batch inserts an invoice it validates with the counter to
draw from (number_prefix, number_year); a deferred constraint trigger draws the number from the
tenant's counter row while PostgreSQL commits the transaction. The counter row, which every
validation of the tenant must lock until its commit (that is what keeps numbers gapless), is then
locked only for the commit itself: never while a client works between two statements, so a worker
that freezes mid-customer (SIGSTOP, a GC pause, a VM migration) cannot stop the tenant's other
invoices from being numbered.

Revision ID: 0009
Revises: 0008
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NUMBER_AT_COMMIT = """
CREATE FUNCTION rebill_number_invoice_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  drawn bigint;
BEGIN
  INSERT INTO invoice_number_counters (tenant_id, year, last_number) VALUES (NEW.tenant_id, NEW.number_year, 1)
  ON CONFLICT (tenant_id, year) DO UPDATE SET last_number = invoice_number_counters.last_number + 1
  RETURNING last_number INTO drawn;
  -- as app/invoicing/numbering.py format_number: at least six digits
  UPDATE invoices SET status = 'validated', validated_at = now(), number_prefix = NULL, number_year = NULL,
         number = NEW.number_prefix || CASE WHEN drawn >= 1000000 THEN drawn::text ELSE lpad(drawn::text, 6, '0') END
  WHERE id = NEW.id;
  RETURN NULL;
END
$$
"""


def upgrade() -> None:
    op.add_column("invoices", sa.Column("number_prefix", sa.String(), nullable=True))
    op.add_column("invoices", sa.Column("number_year", sa.Integer(), nullable=True))
    op.execute(NUMBER_AT_COMMIT)
    op.execute("CREATE CONSTRAINT TRIGGER number_at_commit AFTER INSERT ON invoices "
               "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.number_prefix IS NOT NULL) "
               "EXECUTE FUNCTION rebill_number_invoice_at_commit()")


def downgrade() -> None:
    op.execute("DROP TRIGGER number_at_commit ON invoices")
    op.execute("DROP FUNCTION rebill_number_invoice_at_commit()")
    op.drop_column("invoices", "number_year")
    op.drop_column("invoices", "number_prefix")
