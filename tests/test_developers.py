"""The page for developers (/zh/data/, /en/data/): it lists every document's files (each link
lands on a published file), shows the URI template of the identifiers with a document's
real identifiers, and its curl and Python examples use the site's real paths; the amount an
example shows is the data's. It answers the old one-document site's /<lang>/data/."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from generator.data.identifiers import URI_TEMPLATE
from tests.conftest import DOC
from tests.html_text import soup

SITES = ["built_site", "library_site"]


def target(site: Path, page: str, href: str) -> Path:
    path = urlparse(urljoin(f"/{page}", href)).path.lstrip("/")
    return site / path / "index.html" if path.endswith("/") or not path else site / path


@pytest.mark.parametrize("name", SITES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_document_and_file_is_listed_and_linked(request: pytest.FixtureRequest,
                                                      name: str, lang: str) -> None:
    site: Path = request.getfixturevalue(name)
    page = f"{lang}/data/"
    html = soup(site / page / "index.html")
    links = [str(a["href"]) for a in html.select("article a[href]")]
    assert all(target(site, page, h).is_file() for h in links), [
        h for h in links if not target(site, page, h).is_file()]
    library = json.loads((site / "data" / "library.json").read_text("utf-8"))
    resolved = {urlparse(urljoin(f"/{page}", h)).path.lstrip("/") for h in links}
    for d in library["documents"]:
        want = {*d["data"].values(), *d["akn"].values(), d["identifiers"]["work"]}
        assert want <= resolved, sorted(want - resolved)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_examples_use_real_paths_and_data(built_site: Path, lang: str) -> None:
    html = soup(built_site / lang / "data" / "index.html")
    code = "\n".join(pre.get_text() for pre in html.select("article pre"))
    template = [line for line, _ in URI_TEMPLATE]
    assert all(line in code for line in template)
    paths = re.findall(r'\$SITE/([^"\s]+)"', code) + re.findall(r'get\("([^"]+)"\)', code)
    assert len(paths) >= 6
    assert [p for p in paths if not (built_site / p).is_file()] == []
    clause_path = next(p for p in paths if "/clauses/" in p)
    clause = json.loads((built_site / clause_path).read_text("utf-8"))
    printed = re.search(r"#[^\n]*?: ([a-z0-9-]+) (\S+) (\S+)\n", code)
    assert printed is not None
    incentive = next(i for i in clause["clause"]["incentives"] if i["id"] == printed[1])
    assert [printed[2], printed[3]] == [str(incentive["amount"]), str(incentive["max_amount"])]


def test_the_identifier_examples_are_the_documents(built_site: Path) -> None:
    html = soup(built_site / "en" / "data" / "index.html")
    policy = json.loads((built_site / "data" / DOC / "policy.json").read_text("utf-8"))
    shown = {c.get_text() for c in html.select("article table code")}
    ids = policy["identifiers"]
    assert {ids["work"], ids["expressions"]["en"], ids["registration"]} <= shown
