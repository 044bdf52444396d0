"""A static, read-only HSDS API: the answers of an Open Referral API, as files.

Open Referral's validators and aggregators read a directory through its API: `/`
(which HSDS version, which profile, where its OpenAPI description is), `/services`
(a `Page` of services) and `/services/{id}` (one service, fully nested). A static
site cannot run that API, but it can hold the answers at those addresses, for
every query without parameters. Search, filters and paging are not supported: the
one page holds every service (`total_pages: 1`), and the OpenAPI description
written beside it lists no query parameter, so a validator asks for nothing else.

Each address is a folder with an `index.html`, the one file every static host
(GitHub and GitLab Pages, Netlify, Cloudflare Pages, S3, nginx, Apache) serves for
a folder's address; the Open Referral UK validator requests `{base}/`,
`{base}/services` and `{base}/services/{id}` and follows the redirect some hosts
add a slash with. `_headers` gives these files `application/json` where the host
reads it (`peerkit.render.headers`); elsewhere they are sent as HTML, so the JSON
is written with `<`, `>` and `&` escaped (`\\u003c`...): the same data to a JSON
reader, and never a tag to a browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from peerkit.model.settings import Settings
from peerkit.render.exports import links
from peerkit.render.exports.indented_json import indented_json

if TYPE_CHECKING:
    from peerkit.render.exports.hsds import HsdsExport

VERSION = "3.0"
PROFILE = "https://docs.openreferral.org/en/3.0/"
"""No profile of HSDS: the specification itself."""
OFFICIAL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
OPENAPI = "openapi.json"
INDEX = "index.html"


def api_files(export: HsdsExport, settings: Settings, folder: str) -> Iterator[tuple[str, bytes]]:
    """(path under ``folder``, where the API lives from the site's root; bytes), one file
    at a time: a national directory has tens of thousands of services."""
    organizations = {o["id"]: _one_to_one(o) for o in export.organizations}

    def nested(service: dict[str, Any]) -> dict[str, Any]:
        return service | {"organization": organizations[service["organization_id"]]}

    count = len(export.services)
    meta = {
        "version": VERSION,
        "profile": PROFILE,
        "openapi_url": links.absolute(settings, folder + OPENAPI) or OFFICIAL + OPENAPI,
    }
    yield INDEX, _json(meta)
    page = {
        "total_items": count,
        "total_pages": 1,
        "page_number": 1,
        "size": count,
        "first_page": True,
        "last_page": True,
        "empty": not export.services,
        "contents": [_one_to_one(nested(service)) for service in export.services],
    }
    yield f"services/{INDEX}", _json(page)
    del page  # Twenty thousand services' copies, not kept while each is written.
    yield OPENAPI, _json(_openapi(settings))
    for service in export.services:
        yield f"services/{service['id']}/{INDEX}", _json(nested(service))


def _one_to_one(record: dict[str, Any]) -> dict[str, Any]:
    """A record's own fields (and its organization), without the nested lists: a service as
    `/services` lists it, and the organization each service nests, as HSDS's
    service_list and service schemas have them."""
    return {key: value for key, value in record.items() if not isinstance(value, list)}


def _json(data: Any) -> bytes:
    return indented_json(data, escape=_escaped)


def _escaped(text: bytes) -> bytes:
    for char in b"<>&":
        text = text.replace(bytes([char]), b"\\u%04x" % char)
    return text


def _openapi(settings: Settings) -> dict[str, Any]:
    """The OpenAPI description of exactly what is served: three addresses, no parameter."""

    def answer(description: str, schema: dict[str, Any]) -> dict[str, Any]:
        content = {"application/json": {"schema": schema}}
        return {"200": {"description": description, "content": content}}

    page = {
        "allOf": [{"$ref": "#/components/schemas/Page"}],
        "properties": {
            "contents": {
                "type": "array",
                "items": {"$ref": OFFICIAL + "compiled/service_list.json"},
            }
        },
    }
    integer, boolean = {"type": "integer"}, {"type": "boolean"}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{settings.site_name}: peer-support groups (HSDS, read only)",
            "version": VERSION,
            "x-hsds-version": VERSION,
            "description": (
                "Every service on one page; search, filters and paging are not supported."
            ),
        },
        "paths": {
            "/": {
                "get": {
                    "operationId": "getAPIMetaInformation",
                    "responses": answer(
                        "The HSDS version and profile, and this description's address.",
                        {
                            "type": "object",
                            "required": ["version", "profile", "openapi_url"],
                            "properties": {
                                "version": {"type": "string"},
                                "profile": {"type": "string", "format": "uri"},
                                "openapi_url": {"type": "string", "format": "uri"},
                            },
                        },
                    ),
                }
            },
            "/services": {
                "get": {
                    "operationId": "getServices",
                    "responses": answer("Every service, on one page.", page),
                }
            },
            "/services/{id}": {
                "parameters": [
                    {"in": "path", "name": "id", "required": True, "schema": {"type": "string"}}
                ],
                "get": {
                    "operationId": "getFullyNestedServiceById",
                    "responses": answer(
                        "The service, fully nested.", {"$ref": OFFICIAL + "compiled/service.json"}
                    ),
                },
            },
        },
        "components": {
            "schemas": {
                "Page": {
                    "type": "object",
                    "properties": {
                        "total_items": integer,
                        "total_pages": integer,
                        "page_number": integer,
                        "size": integer,
                        "first_page": boolean,
                        "last_page": boolean,
                        "empty": boolean,
                    },
                }
            }
        },
    }
