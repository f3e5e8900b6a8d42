"""Reminders (the outbox), pauses, scheduler state and reporting rounds.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from data.models import UtcDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reporting_round",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("due", sa.Date, nullable=False),
        sa.Column("pattern", sa.String(100), nullable=False),
        sa.Column("started_by", sa.String(64), nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=False),
        sa.Column("closed_at", UtcDateTime(), nullable=True),
    )
    op.create_table(
        "round_measure",
        sa.Column("round_id", sa.Integer, sa.ForeignKey("reporting_round.id"), primary_key=True),
        sa.Column("measure_id", sa.Integer, sa.ForeignKey("measure.id"), primary_key=True),
    )
    op.create_table(
        "reminder",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.String(200), nullable=False, unique=True),
        sa.Column("milestone_id", sa.Integer, sa.ForeignKey("milestone.id"), nullable=True),
        sa.Column("due", sa.Date, nullable=True),
        sa.Column("offset_days", sa.Integer, nullable=True),
        sa.Column("recipient", sa.String(64), nullable=False),
        sa.Column("measure_id", sa.Integer, sa.ForeignKey("measure.id"), nullable=True),
        sa.Column("organisation_id", sa.Integer, sa.ForeignKey("organisation.id"), nullable=True),
        sa.Column("round_id", sa.Integer, sa.ForeignKey("reporting_round.id"), nullable=True),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("tz", sa.String(64), nullable=True),
        sa.Column("send_at", UtcDateTime(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("not_before", UtcDateTime(), nullable=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("claimed_by", sa.String(64), nullable=True),
        sa.Column("claimed_until", UtcDateTime(), nullable=True),
        sa.Column("posted_channel", sa.String(32), nullable=True),
        sa.Column("ts", sa.String(32), nullable=True),
        sa.Column("sent_at", UtcDateTime(), nullable=True),
        sa.Column("error", sa.String(200), nullable=True),
        sa.Column("folded_into", sa.Integer, sa.ForeignKey("reminder.id"), nullable=True),
        sa.Column("detail", sa.JSON, nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.UniqueConstraint(
            "milestone_id", "due", "offset_days", "recipient", name="uq_reminder_occurrence"
        ),
    )
    op.create_index("ix_reminder_status_send_at", "reminder", ["status", "send_at"])
    op.create_index("ix_reminder_message", "reminder", ["posted_channel", "ts"])
    op.create_index("ix_reminder_folded_into", "reminder", ["folded_into"])
    op.create_table(
        "reminder_pause",
        sa.Column("slack_user_id", sa.String(32), primary_key=True),
        sa.Column("until", sa.Date, nullable=False),
        sa.Column("set_at", UtcDateTime(), nullable=False),
    )
    op.create_table(
        "scheduler_state",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("at", UtcDateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in ("scheduler_state", "reminder_pause", "reminder", "round_measure"):
        op.drop_table(table)
    op.drop_table("reporting_round")
