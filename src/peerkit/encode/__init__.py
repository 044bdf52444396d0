"""Encoders: a contributor's value made safe for one output context each.

A value that is correct for a page may still change the meaning of a terminal
line, a calendar line, a spreadsheet cell or a ``mailto:`` address. Each module
here owns one such context, so that a fix to one is made once and every writer
of that context gets it.
"""
