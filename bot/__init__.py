"""The conversation side: questions in, answers out, rendered per chat platform."""
