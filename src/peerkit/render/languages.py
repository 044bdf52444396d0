"""One language's copy of a site built in several: which records it shows.

A site built in several languages (with the mkdocs-static-i18n plugin) is
rendered once per language, each copy from the same records. A copy shows:

- the stories and tips written in its language. A record that names no language
  is in the site's default language; one in a language the site is not built in
  goes to the default copy, as it does on a site in one language, where its page
  says which language it is in (a ``lang`` attribute);
- every group: the directory is about places, the same whatever language the
  visitor reads. A listing keeps the language it is written in (its own
  ``language``, else the default), and the page marks its text with a ``lang``
  attribute where that differs from the page's. A group's ``languages`` are the
  ones spoken at its meetings: they say nothing about which copy shows it;
- every topic, with its title and description in the copy's language when
  topics.yml translates them, else in the default language (marked as such).
"""

from __future__ import annotations

from dataclasses import replace

from peerkit.model.records import Topic
from peerkit.model.settings import Settings
from peerkit.model.site import Site
from peerkit.render import urls
from peerkit.translations import primary_subtag


def records_in(site: Site, settings: Settings) -> Site:
    """The records the copy in ``settings.language`` shows, topics in its words."""
    language = settings.language
    return Site(
        topics=tuple(_translated(topic, settings) for topic in site.topics),
        stories=tuple(s for s in site.stories if home_language(s.language, settings) == language),
        tips=tuple(t for t in site.tips if home_language(t.language, settings) == language),
        groups=site.groups,
        crisis=site.crisis,
    )


def home_language(code: str | None, settings: Settings) -> str:
    """The copy that shows a record written in ``code``: that language's, else that of
    a regional variant the site is built in ("pt" on a "pt-BR" copy), else the default's."""
    languages = settings.languages or (settings.language,)
    if code is None:
        return settings.default_language
    return _closest(code, languages) or settings.default_language


def _translated(topic: Topic, settings: Settings) -> Topic:
    if settings.language == settings.default_language:
        return topic
    by_language = {t.language: t for t in topic.translations}
    found = _closest(settings.language, tuple(by_language))
    if found is None:
        return topic
    text = by_language[found]
    return replace(topic, title=text.title, description=text.description, language=found)


def _closest(code: str, languages: tuple[str, ...]) -> str | None:
    if code in languages:
        return code
    primary = primary_subtag(code)
    return next((lang for lang in languages if primary_subtag(lang) == primary), None)


def counterpart(url: str) -> str:
    """Where the page at ``url`` is in another language's copy (both from the copy's
    root): the same address, but for a story or a tip, which only its own language's
    copy has, and the later pages of the stories index: their section's index."""
    for section in (urls.STORIES, urls.TIPS):
        if url.startswith(section):
            return section
    return url
