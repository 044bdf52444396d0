"""`peerkit import`: groups from an organisation's spreadsheet, HSDS or a Meeting Guide feed.

detect    which format a file is, from its content
csv_source, hsds, hsds_tabular, meeting_guide
          one reader a format, each turning its entries into drafts
drafts    what a source says about a group, with the row it came from
values, details
          lenient readers for days, times and dates; places and contact details
mapping   a draft -> a group record (shared by every format); schedule: its meetings
schema_shape
          key order, field names and optional fields, derived from the group schema
yaml_writer
          new group files in the hand-written style; updates that keep comments
run       the import itself: map, name, check, write, and report
progress  the terminal progress bar the CLI hands to the import

Nothing here imports mkdocs: the CLI passes the site's settings in.
"""
