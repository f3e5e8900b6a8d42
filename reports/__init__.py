"""Reports for people who would rather look than read: the follow-up table, the page, charts.

Everything here reads the programme through :mod:`reports.snapshot` and counts through
:mod:`reports.summary`, so the table, the page, the charts and the digests cannot disagree.
"""
