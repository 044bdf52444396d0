"""The group directory in the open formats partners read.

Each module turns the published groups into one format: iCalendar, Open Referral
HSDS 3, the Meeting Guide feed, schema.org JSON-LD. All are pure functions of the
records and the settings, with no clock: the same content gives the same bytes.
"""
