"""Answers v2: the programme's analysed vocabulary, and the context of a conversation.

``vocabulary_word`` holds each word of a programme with its lemmas, compound parts and fold
keys (data.morphology.StoredVocabulary.rows), analysed once at import so that answering a
question never needs the Finnish analyser for the programme's own words.

``conversation_context`` holds what the last answer in a conversation (a Slack DM or thread, a
Teams chat) was about, so a follow-up ("entä 2.8?", "who else?") is read against it for a while;
kept in the database so it holds across restarts and web workers, keyed by conversation so it
never leaks into another.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from data.models import UtcDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "vocabulary_word",
        sa.Column(
            "programme_id",
            sa.Integer,
            sa.ForeignKey("programme.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("word", sa.String(100), primary_key=True),
        sa.Column("lemmas", sa.Text, nullable=False),
        sa.Column("parts", sa.Text, nullable=False),
        sa.Column("keys", sa.Text, nullable=False),
    )
    op.create_table(
        "conversation_context",
        sa.Column("conversation", sa.String(300), primary_key=True),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("context", sa.JSON, nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False, index=True),
    )


def downgrade() -> None:
    op.drop_table("conversation_context")
    op.drop_table("vocabulary_word")
