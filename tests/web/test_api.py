"""The JSON API against a real uvicorn server on 127.0.0.1."""

from __future__ import annotations

import base64
import time
from pathlib import Path

import httpx
import pytest

from newsprism.model import Dossier

from .conftest import MERGED, LiveServer

pytestmark = pytest.mark.timeout(180)


def assert_error(resp: httpx.Response, status: int, code: str) -> dict[str, object]:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"status", "code", "message", "details"}
    assert err["status"] == status and err["code"] == code and err["message"]
    return dict(err)


def wait_for_job(client: httpx.Client, job_id: int, timeout: float = 120) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["state"] in ("done", "failed"):
            return dict(job)
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish")


def test_list_search_and_dossier(live: LiveServer) -> None:
    with live.client() as c:
        listing = c.get("/api/stories").json()
        ids = {s["id"] for s in listing["stories"]}
        assert {"s-bridge", "s-ruritania"} <= ids
        assert listing["total"] >= 2
        bridge = next(s for s in listing["stories"] if s["id"] == "s-bridge")
        assert bridge["articles"] == 4 and bridge["outlets"] == 4

        found = c.get("/api/stories", params={"q": "parliament ruritan"}).json()["stories"]
        assert [s["id"] for s in found] == ["s-ruritania"]
        assert "parliament" in found[0]["snippet"]
        assert c.get("/api/stories", params={"q": "zebra crossing"}).json()["stories"] == []
        # FTS syntax in user input is just words, never an error
        assert c.get("/api/stories", params={"q": 'bridge" OR NEAR(*'}).status_code == 200

        resp = c.get("/api/stories/s-bridge")
        assert resp.status_code == 200
        dossier = Dossier.from_json(resp.text)
        assert dossier.stories[0].id == "s-bridge" and len(dossier.articles) == 4
        assert {g.verdict for g in dossier.claim_groups} == {
            "corroborated",
            "conflicting",
            "single-source",
        }
        pending = Dossier.from_json(c.get("/api/stories/s-ruritania").text)
        assert pending.filled == ("articles", "stories")


def test_article_with_quotes_and_claims(live: LiveServer) -> None:
    with live.client() as c:
        art = c.get("/api/articles/own").json()
        assert art["story"] == "s-bridge" and art["outlet"] == "Portvale Courier"
        assert [q["id"] for q in art["quotes"]] == ["q-berg"]
        assert {cl["id"] for cl in art["claims"]} == {"c4", "c5"}


def test_every_error_has_one_shape(live: LiveServer) -> None:
    with live.client() as c:
        assert_error(c.get("/api/stories/no-such-story"), 404, "not_found")
        assert_error(c.get("/api/articles/nope"), 404, "not_found")
        assert_error(c.get("/api/jobs/999999"), 404, "not_found")
        assert_error(c.get("/api/jobs/not-a-number"), 422, "invalid_request")
        assert_error(c.get("/api/stories", params={"limit": 0}), 422, "invalid_request")
        assert_error(c.get("/api/nothing-here"), 404, "not_found")
        assert_error(c.delete("/api/stories"), 405, "method_not_allowed")
        auth = {"Authorization": f"Bearer {live.token}"}
        assert_error(c.post("/api/ingest", json={"texts": [{"text": "x"}]}), 401, "unauthorized")
        bad = {"Authorization": "Bearer wrong"}
        assert_error(
            c.post("/api/ingest", json={"texts": [{"text": "x"}]}, headers=bad), 401, "unauthorized"
        )
        assert_error(c.post("/api/ingest", json={}, headers=auth), 422, "invalid_request")
        err = assert_error(
            c.post(
                "/api/ingest",
                content=b"{not json",
                headers={**auth, "content-type": "application/json"},
            ),
            422,
            "invalid_request",
        )
        assert err["details"]
        assert_error(
            c.post("/api/ingest", json={"texts": [{"text": ""}]}, headers=auth),
            422,
            "invalid_request",
        )


def test_request_size_limits(live: LiveServer) -> None:
    auth = {"Authorization": f"Bearer {live.token}", "content-type": "application/json"}
    big = b'{"texts": [{"text": "' + b"a" * 2_100_000 + b'"}]}'
    with live.client() as c:
        assert_error(c.post("/api/ingest", content=big, headers=auth), 413, "too_large")

        def chunks() -> object:  # no Content-Length: the limit is enforced while streaming
            for i in range(0, len(big), 65536):
                yield big[i : i + 65536]

        assert_error(c.post("/api/ingest", content=chunks(), headers=auth), 413, "too_large")


def test_private_addresses_are_refused(live: LiveServer) -> None:
    auth = {"Authorization": f"Bearer {live.token}"}
    with live.client() as c:
        for url in (
            "http://127.0.0.1:9/x",
            "http://10.1.2.3/",
            "http://localhost/a",
            "http://[::1]/",
            "file:///etc/passwd",
        ):
            err = assert_error(
                c.post("/api/ingest", json={"urls": [url]}, headers=auth), 422, "invalid_request"
            )
            assert "refused" in str(err["message"]) or "not an http" in str(err["message"])


def test_malicious_article_is_stored_and_served_as_text(live: LiveServer) -> None:
    with live.client() as c:
        art = c.get("/api/articles/evil").json()
        assert "<script>alert('pwned')</script>" in art["text"]  # the API returns data as is
        for path in ("/stories/s-bridge", "/articles/evil", "/", "/?q=script"):
            html = c.get(path, headers={"accept": "text/html"}).text
            assert "<script>alert" not in html and "<img src=x" not in html, path
            assert "onerror=" not in html.replace("onerror=&#34;", "")
            assert 'href="javascript:' not in html
        page = c.get("/articles/evil").text
        assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in page
        resp = c.get("/stories/s-bridge")
        assert "default-src 'none'" in resp.headers["content-security-policy"]
        assert resp.headers["x-content-type-options"] == "nosniff"


def test_ingest_job_runs_and_its_story_appears(live: LiveServer) -> None:
    auth = {"Authorization": f"Bearer {live.token}"}
    text = (
        "Engineers in Glendale opened the new Riverside Tunnel on Friday after six years of "
        'work.\n\n"It is a great day for the city," said Mayor Ana Reyes. The tunnel cost '
        "$2.1 billion."
    )
    upload = base64.b64encode(
        b"Glendale tunnel opens\n\nThe Riverside Tunnel in Glendale "
        b"opened to traffic on Friday, six years after work began."
    ).decode()
    with live.client() as c:
        resp = c.post(
            "/api/ingest",
            json={
                "texts": [
                    {
                        "text": text,
                        "title": "Glendale's tunnel opens",
                        "outlet": "Glendale Gazette",
                        "published": "2024-06-07",
                    }
                ],
                "files": [
                    {"name": "../../etc/tunnel.txt", "content": upload, "encoding": "base64"}
                ],
            },
            headers=auth,
        )
        assert resp.status_code == 202, resp.text
        job = wait_for_job(c, resp.json()["id"])
        assert job["state"] == "done", job
        result = job["result"]
        assert isinstance(result, dict)
        assert result["inserted"] == 2 and not result["failures"]
        assert "tunnel" in result["articles"]  # the upload's name, without its path
        story = result["stories"][0]
        found = c.get("/api/stories", params={"q": "riverside tunnel"}).json()["stories"]
        assert story in [s["id"] for s in found]
        dossier = Dossier.from_json(c.get(f"/api/stories/{story}").text)
        assert "entities" in dossier.filled
        assert any("Glendale" in e.name for e in dossier.entities), dossier.entities


def test_openapi_describes_the_api(live: LiveServer) -> None:
    with live.client() as c:
        spec = c.get("/api/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
        "/api/ingest",
        "/api/jobs/{job_id}",
        "/api/stories/{story_id}/analyse",
    ):
        assert path in paths, path
    assert "ErrorBody" in spec["components"]["schemas"]
    assert "404" in paths["/api/stories/{story_id}"]["get"]["responses"]
    assert spec["components"]["securitySchemes"]


def test_no_docs_page_pulls_from_a_cdn(live: LiveServer) -> None:
    with live.client() as c:
        assert c.get("/docs").status_code == 404


def test_seed_file_exists() -> None:
    assert (Path(__file__).resolve().parents[1] / "data" / "web" / "full_dossier.json").exists()


def test_ingest_form_takes_uploads_and_refuses_other_sites(live: LiveServer) -> None:
    upload = ("hail.txt", b"Hail in Westmoor\n\nHail the size of golf balls fell on Westmoor.")
    with live.client() as c:
        resp = c.post(
            "/ingest",
            data={"token": live.token or "", "urls": "", "text": ""},
            files={"files": upload},
            headers={"origin": live.url},
        )
        assert resp.status_code == 303 and resp.headers["location"].startswith("/jobs/")
        job = c.get("/api" + resp.headers["location"]).json()
        assert job["state"] in ("queued", "running", "done")
        other = c.post(
            "/ingest",
            data={"token": live.token or "", "text": "x"},
            headers={"origin": "http://evil.example", "accept": "application/json"},
        )
        assert_error(other, 403, "forbidden")
        big = c.post(
            "/ingest",
            data={"token": live.token or ""},
            files={"files": ("big.txt", b"a" * 2_100_000)},
            headers={"accept": "application/json"},
        )
        assert_error(big, 413, "too_large")


def test_a_merged_story_redirects_to_the_story_it_joined(live: LiveServer) -> None:
    with live.client() as c:
        for old, new in (
            (f"/stories/{MERGED}", "/stories/s-bridge"),
            (f"/api/stories/{MERGED}", "/api/stories/s-bridge"),
            (f"/stories/{MERGED}/report.md", "/stories/s-bridge/report.md"),
        ):
            resp = c.get(old)
            assert resp.status_code == 301, (old, resp.status_code)
            assert resp.headers["location"] == new
            assert c.get(old, follow_redirects=True).status_code == 200
        # an id that never existed is still a 404
        assert_error(c.get("/api/stories/s-never"), 404, "not_found")


def test_a_story_page_offers_analyse_and_the_api_queues_it(live: LiveServer) -> None:
    auth = {"Authorization": f"Bearer {live.token}"}
    with live.client() as c:
        page = c.get("/stories/s-ruritania").text
        assert 'action="/stories/s-ruritania/analyse"' in page and 'id="analyse"' in page
        before = Dossier.from_json(c.get("/api/stories/s-ruritania").text)
        assert "quotes" not in before.filled
        # the form: same origin and the token, then the job's page
        assert_error(
            c.post(
                "/stories/s-ruritania/analyse",
                data={"token": "wrong"},
                headers={"origin": live.url, "accept": "application/json"},
            ),
            401,
            "unauthorized",
        )
        form = c.post(
            "/stories/s-ruritania/analyse",
            data={"token": live.token or ""},
            headers={"origin": live.url},
        )
        assert form.status_code == 303 and form.headers["location"].startswith("/jobs/")
        # the API, also through a merged story's old id
        assert_error(c.post("/api/stories/s-ruritania/analyse"), 401, "unauthorized")
        assert_error(c.post("/api/stories/s-never/analyse", headers=auth), 404, "not_found")
        resp = c.post("/api/stories/s-ruritania/analyse", headers=auth)
        assert resp.status_code == 202, resp.text
        assert resp.json()["kind"] == "analyse"
        job = wait_for_job(c, resp.json()["id"])
        assert job["state"] == "done", job
        assert isinstance(job["result"], dict) and job["result"]["stories"] == ["s-ruritania"]
        after = Dossier.from_json(c.get("/api/stories/s-ruritania").text)
        assert {"quotes", "claims", "entities"} <= set(after.filled)
        assert [a.id for a in after.articles] == ["ruritania-1"]
        assert "Analyse again" in c.get("/stories/s-ruritania").text
        job_page = c.get(form.headers["location"]).text
        assert "Analysed." in job_page or "queued" in job_page or "running" in job_page
        merged = c.post(f"/api/stories/{MERGED}/analyse", headers=auth)
        assert merged.status_code == 202
        assert wait_for_job(c, merged.json()["id"])["result"]["stories"] == ["s-bridge"]  # type: ignore[index]


def test_job_messages_name_inputs_not_server_paths(live: LiveServer) -> None:
    auth = {"Authorization": f"Bearer {live.token}"}
    with live.client() as c:
        resp = c.post(
            "/api/ingest",
            json={
                "files": [{"name": "notes.txt", "content": "", "encoding": "text"}],
                "texts": [{"text": "   "}],
            },
            headers=auth,
        )
        assert resp.status_code == 202, resp.text
        job = wait_for_job(c, resp.json()["id"])
        failures = job["result"]["failures"]  # type: ignore[index]
        assert len(failures) == 2, failures
        text = " ".join(failures) + c.get(f"/jobs/{job['id']}").text
        assert "notes.txt" in text and "pasted text 1" in text
        for leak in ("/tmp", "newsprism-job-", "upload-1/", str(Path(live.db).parent)):
            assert leak not in text, (leak, text)


def test_the_openapi_description_is_linked_from_every_page(live: LiveServer) -> None:
    with live.client() as c:
        for path in ("/", "/stories/s-bridge", "/ingest", "/articles/ruritania-1"):
            assert 'href="/api/openapi.json"' in c.get(path).text, path
