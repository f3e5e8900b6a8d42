"""Platform-free content (:mod:`bot.document`) in Slack's terms: mrkdwn and Block Kit."""
