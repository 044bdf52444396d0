"""The "Is something wrong with this listing?" link of a group's page.

Listings go out of date: a venue moves, a group stops. The people who notice
are visitors, so each group's page offers the way the organisation chose
(`report_listing`): an email, with the group named in the subject, or a form
or issue template whose address names the group. Each value is encoded for
the place it goes, so a group's name cannot add a header or a parameter.
"""

from __future__ import annotations

from urllib.parse import quote

from peerkit.model.records import Group
from peerkit.model.settings import Settings
from peerkit.render import urls
from peerkit.render.exports import links


def report_link(group: Group, settings: Settings, subject: str) -> str | None:
    """Where this group's page sends a visitor who found something wrong, or None."""
    target = settings.report_listing
    if not target:
        return None
    page = links.absolute(settings, urls.group(group.region, group.slug)) or urls.group(
        group.region, group.slug
    )
    if target.lower().startswith("mailto:"):
        separator = "&" if "?" in target else "?"
        return f"{target}{separator}subject={quote(subject + ': ' + group.name, safe='')}"
    return target.replace("{name}", quote(group.name, safe="")).replace(
        "{page}", quote(page, safe="")
    )
