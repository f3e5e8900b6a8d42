"""People on any platform: person keys instead of Slack user ids, and Teams conversations.

A person key is a Slack user id as it always was, or ``teams:<Azure AD object id>``
(seuranta.identity), so renaming the columns keeps every row the same person. Columns that name
a destination or a platform's message id grow to hold Teams' longer ids. Status reports say
on which platform they were made. Teams conversation references are what the bot needs to
message a person or channel later.

Downgrading renames the columns back and drops what 0003 did not have; the wider columns stay
wide, so a row that needs them (a Teams contact) survives a downgrade and the next upgrade.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from data.models import UtcDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

PERSON_KEY = sa.String(64)
DESTINATION = sa.String(255)
# PostgreSQL named the unique constraints after their columns when 0002 created them.
_CONSTRAINTS = (
    ("person", "person_slack_user_id_key", "person_person_key_key"),
    (
        "contact",
        "contact_organisation_id_slack_user_id_key",
        "contact_organisation_id_person_key_key",
    ),
)


def upgrade() -> None:
    # SQLite cannot alter a column in place: batch mode copies each table with its rows,
    # constraints and indexes; PostgreSQL renames and widens in place.
    for table in ("person", "contact", "reminder_pause"):
        with op.batch_alter_table(table) as batch:
            if table == "contact":
                batch.drop_index("ix_contact_slack_user_id")
            batch.alter_column(
                "slack_user_id",
                new_column_name="person_key",
                existing_type=sa.String(32),
                type_=PERSON_KEY,
                existing_nullable=False,
            )
    op.create_index("ix_contact_person_key", "contact", ["person_key"])
    _rename_constraints(upgrading=True)
    with op.batch_alter_table("status_report") as batch:
        # Every report so far was made in Slack; the default fills them and is then dropped,
        # so a writer that forgets the platform fails instead of claiming Slack.
        batch.add_column(
            sa.Column("platform", sa.String(10), nullable=False, server_default="slack")
        )
        for column in ("channel", "message_ts"):
            batch.alter_column(column, existing_type=sa.String(32), type_=DESTINATION)
    with op.batch_alter_table("status_report") as batch:
        batch.alter_column("platform", existing_type=sa.String(10), server_default=None)
    # A report kept through a downgrade and this upgrade again still knows its platform.
    op.execute("UPDATE status_report SET platform = 'teams' WHERE reporter LIKE 'teams:%'")
    with op.batch_alter_table("reminder") as batch:
        for column in ("channel", "posted_channel", "ts"):
            batch.alter_column(column, existing_type=sa.String(32), type_=DESTINATION)
    op.create_table(
        "conversation_reference",
        sa.Column("destination", DESTINATION, primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("service_url", sa.Text, nullable=False),
        sa.Column("conversation_id", sa.Text, nullable=False),
        sa.Column("tenant_id", sa.String(64), nullable=True),
        sa.Column("bot_id", DESTINATION, nullable=False),
        sa.Column("user_id", DESTINATION, nullable=True),
        sa.Column("aad_object_id", sa.String(36), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("conversation_reference")
    with op.batch_alter_table("status_report") as batch:
        batch.drop_column("platform")
    _rename_constraints(upgrading=False)
    for table in ("person", "contact", "reminder_pause"):
        with op.batch_alter_table(table) as batch:
            if table == "contact":
                batch.drop_index("ix_contact_person_key")
            batch.alter_column(
                "person_key",
                new_column_name="slack_user_id",
                existing_type=PERSON_KEY,
                existing_nullable=False,
            )
    op.create_index("ix_contact_slack_user_id", "contact", ["slack_user_id"])


def _rename_constraints(*, upgrading: bool) -> None:
    """Keep PostgreSQL's constraint names telling the truth (SQLite's are unnamed)."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, old, new in _CONSTRAINTS:
        before, after = (old, new) if upgrading else (new, old)
        op.execute(f"ALTER TABLE {table} RENAME CONSTRAINT {before} TO {after}")
