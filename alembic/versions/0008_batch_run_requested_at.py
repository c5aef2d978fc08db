"""When a run of a batch was last asked for (a job queued): the sweeper queues another for a batch
that no live run holds only once the last request is old enough for its job to have started, so
that a backlog does not fill the queue with copies. Liveness itself never reads it.

Revision ID: 0008
Revises: 0007
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("invoice_batches", sa.Column("run_requested_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("invoice_batches", "run_requested_at")
