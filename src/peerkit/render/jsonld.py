"""schema.org JSON-LD for the head of a page.

The JSON is embedded in a script element, so ``<``, ``>`` and ``&`` are
written as Unicode escapes: no value can close the element early.
"""

from __future__ import annotations

import json
from typing import Any

from peerkit.model.records import Story
from peerkit.render import urls


def to_script_json(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def story_article(
    story: Story, site_url: str | None, site_name: str, language: str, folder: str = ""
) -> str:
    """The story's schema.org Article; ``folder`` is where its page's language's pages
    are ("es/" on a site built in several languages), for its address."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": story.title,
        "description": story.summary,
        "datePublished": story.date.isoformat(),
        "inLanguage": story.language or language,
        "keywords": list(story.topics),
        "publisher": {"@type": "Organization", "name": site_name},
        "author": (
            {"@type": "Person", "name": story.author}
            if story.author
            else {"@type": "Person", "name": "Anonymous"}
        ),
    }
    if site_url:
        data["url"] = site_url.rstrip("/") + "/" + folder + urls.story(story.slug)
    if story.content_warnings:
        data["contentRating"] = "Content warning: " + ", ".join(story.content_warnings)
    return to_script_json(data)
