"""Story submissions through a GitHub issue form, for writers who do not use git.

`form` writes the issue form (.github/ISSUE_TEMPLATE/story.yml) from the
site's topics and crisis lines; `body` reads back the Markdown GitHub makes of
the answers; `command` (`peerkit import-issue`) turns that into a story file
for a maintainer to review and open as a pull request.
"""
