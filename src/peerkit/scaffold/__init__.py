"""`peerkit new story|tip|group`: a new content file that passes `peerkit check`.

The questions and their help come from the JSON Schemas (the one source of
truth); the answers become a file with a unique slug, written only if it
validates, and never over an existing file.
"""
