"""Seuranta: follow a public-sector action programme in chat."""
