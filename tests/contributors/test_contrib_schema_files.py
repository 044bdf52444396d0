"""The JSON Schemas are published with the site, byte for byte the package's own."""

from __future__ import annotations

import json
from importlib import resources

from peerkit.model.schemas import schema_for


def test_every_schema_is_published_under_schemas_with_the_package_bytes(make_site):
    rendered = make_site.render()

    published = {f.path: f.content for f in rendered.files if f.path.startswith("schemas/")}

    folder = resources.files("peerkit.model").joinpath("schemas")
    assert published == {
        f"schemas/{kind}.json": folder.joinpath(f"{kind}.json").read_bytes()
        for kind in ("story", "tip", "group", "topics", "crisis")
    }


def test_published_story_schema_is_the_one_validation_uses(make_site):
    rendered = make_site.render()

    story = next(f for f in rendered.files if f.path == "schemas/story.json")

    assert json.loads(story.content) == schema_for("story")
