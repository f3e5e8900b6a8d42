"""Commands as data: what people type, parsed once and handled once, for every chat platform.

``/seuranta status 2.7 at-risk`` in Slack and ``status 2.7 at-risk`` in a Teams chat become the
same :class:`~bot.commands.parse.ReportStatus` (:func:`~bot.commands.parse.parse_command`), which
one handler (:data:`~bot.commands.handlers.HANDLERS`) answers with a platform-free result: a
:class:`~bot.document.Document`, an answer of the engine, or the report's files to send. The
adapters only turn their platform's text into words, build the
:class:`~bot.commands.context.CommandContext` and show the result.
"""
