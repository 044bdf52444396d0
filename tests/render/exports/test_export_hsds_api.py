"""The static HSDS API: `/`, `/services` and `/services/{id}` as files any static host serves."""

from __future__ import annotations

import json

from tests.render.exports.exported import SITE_URL, files_of, json_of, reference
from tests.render.exports.test_export_hsds import _validator

API = "groups/hsds/api/"


def _served(files: dict[str, bytes], address: str) -> bytes:
    """What a static host sends for an address under the API: a folder's index.html."""
    return files[API + (address.strip("/") + "/").lstrip("/") + "index.html"]


def test_the_validator_s_three_requests_are_answered_by_folder_index_files() -> None:
    files = files_of(reference())
    services = json_of(reference(), "groups/hsds/services.json")

    root = json.loads(_served(files, "/"))
    page = json.loads(_served(files, "/services"))
    first = json.loads(_served(files, f"/services/{page['contents'][0]['id']}"))

    assert root == {
        "version": "3.0",
        "profile": "https://docs.openreferral.org/en/3.0/",
        "openapi_url": f"{SITE_URL}groups/hsds/api/openapi.json",
    }
    organizations = {o["id"]: o for o in json_of(reference(), "groups/hsds/organizations.json")}
    organization = first.pop("organization")
    assert first == services[0]
    assert organization == {
        key: value
        for key, value in organizations[services[0]["organization_id"]].items()
        if key != "services"
    }
    assert len(services) == 30


def test_services_is_one_page_of_every_service_with_its_own_fields_only() -> None:
    rendered = reference()
    services = json_of(rendered, "groups/hsds/services.json")

    page = json.loads(_served(files_of(rendered), "/services"))

    assert {key: page[key] for key in page if key != "contents"} == {
        "total_items": 30,
        "total_pages": 1,
        "page_number": 1,
        "size": 30,
        "first_page": True,
        "last_page": True,
        "empty": False,
    }
    assert [s["id"] for s in page["contents"]] == [s["id"] for s in services]
    assert not any(isinstance(v, list) for s in page["contents"] for v in s.values())
    assert all(s["organization"]["id"] == s["organization_id"] for s in page["contents"])
    assert page["contents"][0]["name"] == services[0]["name"]
    for service in page["contents"]:
        assert list(_validator("service").iter_errors(service)) == [], service["id"]


def test_every_service_has_its_own_address_with_the_whole_service() -> None:
    rendered = reference()
    files = files_of(rendered)

    for service in json_of(rendered, "groups/hsds/services.json"):
        served = json.loads(_served(files, f"/services/{service['id']}"))
        assert list(_validator("service").iter_errors(served)) == []
        assert served["organization"]["id"] == service["organization_id"]
        del served["organization"]
        assert served == service


def test_the_openapi_description_lists_the_three_addresses_and_no_query_parameter() -> None:
    openapi = json_of(reference(), API + "openapi.json")

    assert sorted(openapi["paths"]) == ["/", "/services", "/services/{id}"]
    assert openapi["info"]["x-hsds-version"] == "3.0"
    parameters = [p for item in openapi["paths"].values() for p in item.get("parameters", [])] + [
        p for item in openapi["paths"].values() for p in item["get"].get("parameters", [])
    ]
    assert [(p["in"], p["name"]) for p in parameters] == [("path", "id")]


def test_markup_in_a_listing_is_never_a_tag_even_when_a_host_sends_the_file_as_html(
    make_site,
) -> None:
    make_site.group(fields={"name": "<b>Tea & talk</b>", "description": "<script>x()</script>"})

    files = files_of(make_site.render())
    [service] = json.loads(_served(files, "/services"))["contents"]

    assert (service["name"], service["description"]) == (
        "<b>Tea & talk</b>",
        "<script>x()</script>",
    )
    for path, content in files.items():
        if path.startswith(API):
            assert not {b"<", b">", b"&"} & {bytes([c]) for c in content}, path


def test_without_the_site_address_the_api_points_to_the_official_openapi(make_site) -> None:
    make_site.group()

    root = json.loads(_served(files_of(make_site.render()), "/"))

    assert root["openapi_url"] == (
        "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
    )
