"""The time side: reminders, reporting rounds and digests."""
