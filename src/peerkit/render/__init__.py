"""Records to pages and files: pure functions, no MkDocs."""
