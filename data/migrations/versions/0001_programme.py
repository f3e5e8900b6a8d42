"""The programme: measures, organisations, owners, milestones and status reports.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from data.models import UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "programme",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slug", sa.String(80), nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("source_name", sa.String(255), nullable=False),
        sa.Column("source_sha256", sa.String(64), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("imported_at", UtcDateTime(), nullable=True),
    )
    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(200), nullable=False, unique=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("parent_key", sa.String(200), nullable=True),
        sa.Column("name_fi", sa.Text, nullable=False),
        sa.Column("name_sv", sa.Text, nullable=False),
        sa.Column("name_en", sa.Text, nullable=False),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("uncertain", sa.Boolean, nullable=False),
        sa.Column("note", sa.Text, nullable=True),
    )
    op.create_table(
        "measure",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("programme_id", sa.Integer, sa.ForeignKey("programme.id"), nullable=False),
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("theme", sa.Integer, nullable=False),
        sa.Column("sort_key", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("source_line", sa.Integer, nullable=True),
        sa.Column("removed_at", UtcDateTime(), nullable=True),
        sa.UniqueConstraint("programme_id", "number"),
    )
    op.create_index("ix_measure_programme_id", "measure", ["programme_id"])
    op.create_table(
        "measure_part",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("measure_id", sa.Integer, sa.ForeignKey("measure.id"), nullable=False),
        sa.Column("label", sa.String(4), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_measure_part_measure_id", "measure_part", ["measure_id"])
    op.create_table(
        "action",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("measure_id", sa.Integer, sa.ForeignKey("measure.id"), nullable=False),
        sa.Column("part_label", sa.String(4), nullable=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source_line", sa.Integer, nullable=True),
    )
    op.create_index("ix_action_measure_id", "action", ["measure_id"])
    op.create_table(
        "responsibility",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("measure_id", sa.Integer, sa.ForeignKey("measure.id"), nullable=False),
        sa.Column("organisation_id", sa.Integer, sa.ForeignKey("organisation.id"), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("spelling", sa.Text, nullable=False),
        sa.UniqueConstraint("measure_id", "role", "spelling"),
    )
    op.create_index("ix_responsibility_measure_id", "responsibility", ["measure_id"])
    op.create_index("ix_responsibility_organisation_id", "responsibility", ["organisation_id"])
    op.create_table(
        "milestone",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("measure_id", sa.Integer, sa.ForeignKey("measure.id"), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("start", sa.Date, nullable=True),
        sa.Column("due", sa.Date, nullable=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("origin", sa.String(10), nullable=False),
        sa.Column("occurrence", sa.Integer, nullable=False),
        sa.Column("source_line", sa.Integer, nullable=True),
        sa.Column("created_by", sa.String(64), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("removed_at", UtcDateTime(), nullable=True),
    )
    op.create_index("ix_milestone_measure_id", "milestone", ["measure_id"])
    op.create_index("ix_milestone_due", "milestone", ["due"])
    op.create_table(
        "status_report",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("measure_id", sa.Integer, sa.ForeignKey("measure.id"), nullable=False),
        sa.Column("milestone_id", sa.Integer, sa.ForeignKey("milestone.id"), nullable=True),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("reporter", sa.String(64), nullable=False),
        sa.Column("reporter_name", sa.String(200), nullable=False),
        sa.Column("organisation_id", sa.Integer, sa.ForeignKey("organisation.id"), nullable=True),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("channel", sa.String(32), nullable=True),
        sa.Column("message_ts", sa.String(32), nullable=True),
        sa.Column("permalink", sa.Text, nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
    )
    op.create_index(
        "ix_status_report_measure_created", "status_report", ["measure_id", "created_at"]
    )


def downgrade() -> None:
    for table in (
        "status_report",
        "milestone",
        "responsibility",
        "action",
        "measure_part",
        "measure",
        "organisation",
        "programme",
    ):
        op.drop_table(table)
