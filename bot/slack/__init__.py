"""Seuranta in Slack: Bolt app, listeners per surface, Block Kit rendering, HTTP and Socket Mode.

Decisions stay in :mod:`bot.engine`; this package only turns Slack requests into questions and
answers into Block Kit.
"""
