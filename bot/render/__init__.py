"""Renderers: one module per output format, each taking an answer and its language."""
