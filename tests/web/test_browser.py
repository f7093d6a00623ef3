"""The report and the web app in a real headless Chromium.

Every page is checked for the one thing a browser alone can prove: hostile
article text stays text (no dialog ever opens), and findings open their
evidence when clicked.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from newsprism.report import render_html

from .conftest import LiveServer, full_dossier

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

pytestmark = pytest.mark.timeout(240)


@pytest.fixture
def page(browser: BrowserContext) -> Iterator[Page]:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield page
    page.close()
    assert dialogs == [], f"article text ran as script: {dialogs}"


def test_report_works_offline_and_badges_reveal_evidence(
    browser: BrowserContext, page: Page, tmp_path: Path, shots: Path
) -> None:
    report = tmp_path / "report.html"
    report.write_text(render_html(full_dossier()), encoding="utf-8")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    browser.set_offline(True)
    try:
        page.goto(report.as_uri())
        assert page.title().startswith("newsprism — Harbour Bridge")
        conflicting = page.locator("details.claim[data-verdict=conflicting]")
        evidence = conflicting.locator(".evidence").first
        assert not evidence.is_visible()
        conflicting.locator("summary .badge").click()
        assert evidence.is_visible()
        assert "About 12 people were hurt" in evidence.locator("mark").inner_text()
        assert "Fifteen people were injured" in conflicting.inner_text()
        badge = page.locator("details.claim[data-verdict=corroborated] summary .badge")
        assert badge.inner_text() == "corroborated by 1"
        # "show in article" opens the article text with the sentence highlighted
        conflicting.get_by_role("link", name="show in article").first.click()
        mark = page.locator("#c-c3 + mark")
        mark.wait_for(state="visible")
        assert "About 12 people" in mark.inner_text()
        # the hostile article's text is shown as text
        page.locator("#art-evil summary").click()
        assert "<script>alert('pwned')</script>" in page.locator("#art-evil").inner_text()
        assert page.locator("svg.graph").count() == 2  # derivation and entity graphs
        page.screenshot(path=str(shots / "report.png"), full_page=True)
    finally:
        browser.set_offline(False)
    assert all(u.startswith(("file:", "data:", "about:")) for u in requests), requests


def test_web_app_lists_searches_and_shows_a_dossier(
    live: LiveServer, page: Page, shots: Path
) -> None:
    page.goto(live.url + "/")
    rows = page.locator("tr.story-row")
    assert rows.count() >= 2
    assert "Harbour Bridge closed after crack found" in page.locator("#stories").inner_text()
    page.get_by_role("searchbox", name="Search").fill("parliament")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/?q=parliament")
    assert rows.count() == 1
    assert page.locator(".snippet mark").first.inner_text().lower() == "parliament"
    rows.first.get_by_role("link").click()
    page.wait_for_url("**/stories/s-ruritania")
    assert page.locator(".pending").count() >= 4  # not analysed yet, and says so

    page.goto(live.url + "/stories/s-bridge")
    assert page.locator("h1").inner_text() == "Harbour Bridge closed after crack found"
    statement = page.locator("details.ev").filter(has_text="We will not reopen").first
    statement.locator("summary").click()
    assert statement.locator(".evidence").count() == 3  # three outlets carried it
    claim = page.locator("details.claim[data-verdict=single-source]")
    claim.locator("summary .badge").click()
    assert claim.locator(".evidence mark").is_visible()
    page.get_by_role("button", name="Show all evidence").click()  # our script runs under CSP
    assert page.locator("details.claim:not([open])").count() == 0
    page.screenshot(path=str(shots / "story-page.png"), full_page=True)
    # evidence links lead to the article page, highlighted there
    claim.get_by_role("link", name="show in article").click()
    page.wait_for_url("**/articles/own#c-c5")
    assert page.locator(".articletext mark.hl-claim").count() == 2
    assert page.locator("#c-c5 + mark").is_visible()
    page.goto(live.url + "/articles/evil")
    assert "<script>alert('pwned')</script>" in page.locator(".articletext").inner_text()


def test_ingest_pasted_text_then_see_the_story(live: LiveServer, page: Page, shots: Path) -> None:
    page.goto(live.url + "/ingest")
    page.fill(
        "#text",
        (
            "Firefighters in Eastwick contained a warehouse fire on Saturday night.\n\n"
            "\"Nobody was hurt,\" said fire chief Omar Haddad. <script>alert('x')</script>"
        ),
    )
    page.fill("#title", "Warehouse fire contained in Eastwick")
    page.fill("#outlet", "Eastwick Echo")
    page.fill("#token", live.token or "")
    page.click("#submit")
    page.wait_for_url("**/jobs/*")
    link = page.locator("a.story-link")
    link.wait_for(timeout=120_000)  # the job page refreshes itself until the job is done
    assert page.locator("#job").get_attribute("data-state") == "done"
    link.click()
    assert "Warehouse fire contained in Eastwick" in page.locator("h1").inner_text()
    assert "Eastwick Echo" in page.locator("section").first.inner_text()
    page.screenshot(path=str(shots / "ingested-story.png"), full_page=True)
    page.goto(live.url + "/?q=warehouse")
    assert page.locator("tr.story-row").count() == 1


def test_ingest_form_without_token_is_refused(live: LiveServer, page: Page) -> None:
    page.goto(live.url + "/ingest")
    page.fill("#text", "Some text that should not be stored.")
    page.click("#submit")
    assert "token" in page.locator("section.error").inner_text().lower()


def test_a_story_not_analysed_yet_has_an_analyse_button(live: LiveServer, page: Page) -> None:
    page.goto(live.url + "/stories/s-ruritania")
    assert "Not analysed yet" in page.locator("form.analyse").inner_text()
    page.fill("form.analyse #token", live.token or "")
    page.click("#analyse")
    page.wait_for_url("**/jobs/*")
    link = page.locator("a.story-link")
    link.wait_for(timeout=120_000)  # the job page refreshes itself until the job is done
    assert page.locator("#job").get_attribute("data-state") == "done"
    link.click()
    page.wait_for_url("**/stories/s-ruritania")
    assert page.locator("#analyse").inner_text() == "Analyse again"
    assert "Not analysed yet" not in page.locator("form.analyse").inner_text()
