"""The web UI in headless Chromium against a real `skyplan serve` on a seeded moto, as a person uses
it. Tests run in file order and share one browser; each step saves a screenshot to
$SKYPLAN_ARTIFACTS/ui/ (default artifacts/ui/)."""
import os
import time

import pytest

pytest.importorskip("selenium")
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

SCAN_TIMEOUT = 240
BAD_ARN = "arn:aws:iam::12345:role/skyplan"


class UI:
    """A person at the browser: waits, clicks, types, and photographs each step."""

    def __init__(self, driver, base, shots):
        self.d, self.base, self.shots = driver, base, shots

    def wait(self, css, timeout=20, visible=True):
        def find(d):
            for el in d.find_elements(By.CSS_SELECTOR, css):
                if not visible or el.is_displayed():
                    return el
            return None
        return WebDriverWait(self.d, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(
            find, f"{css} did not appear within {timeout}s")

    def wait_gone(self, css, timeout=20):
        script = "return [...document.querySelectorAll(arguments[0])].some((e) => e.getClientRects().length > 0)"
        WebDriverWait(self.d, timeout).until(lambda d: not d.execute_script(script, css), f"{css} stayed")

    def until(self, condition, timeout=20, message=""):
        return WebDriverWait(self.d, timeout, poll_frequency=0.2).until(lambda d: condition(), message)

    def js(self, script, *args):
        return self.d.execute_script(script, *args)

    def type(self, css, text):
        el = self.wait(css)
        el.clear()
        el.send_keys(text)
        return el

    def shot(self, name):
        os.makedirs(self.shots, exist_ok=True)
        time.sleep(0.3)  # let transitions settle so the picture shows the state
        self.d.save_screenshot(os.path.join(self.shots, f"{name}.png"))

    def sign_in(self, email, password):
        self.d.delete_all_cookies()
        self.d.get(self.base + "/")
        self.type("#login-email", email)
        self.type("#login-password", password)
        self.wait("#login-submit").click()
        self.wait("#user-button")

    def open_accounts(self):
        self.wait("#user-button").click()
        self.wait("#menu-accounts").click()
        self.wait("#accounts-dialog")
        self.until(lambda: not self.d.find_elements(By.CSS_SELECTOR, "#accounts-dialog .loading"))
        return self.d.find_element(By.ID, "accounts-dialog")

    def account_rows(self):
        return self.js("return [...document.querySelectorAll('#accounts-table tbody tr')].map((r) => r.innerText)")

    def close_dialog(self):
        self.wait("#accounts-close").click()
        self.wait_gone("#accounts-dialog")

    def route_exists(self, path):
        """True unless the server answers the router's generic 404 (the route is not built yet)."""
        status = self.js("""const r = new XMLHttpRequest(); r.open('GET', arguments[0], false); r.send();
                            return [r.status, r.responseText];""", path)
        return not (status[0] == 404 and '"Not found"' in status[1])


@pytest.fixture(scope="module")
def ui(skyplan_server, browser_factory, artifacts_dir):
    return UI(browser_factory(), skyplan_server.url, os.path.join(artifacts_dir, "ui"))


@pytest.fixture(scope="module")
def team(skyplan_server):
    """A team "Platform" with the plain user in it; a second plain user (outsider) outside it."""
    status, created = skyplan_server.api("POST", "/team", body={"name": "Platform"})
    assert status == 201, created
    member = skyplan_server.users["user"]
    status, me = skyplan_server.api("GET", "/user/me", key=member["key"])
    assert status == 200
    status, _ = skyplan_server.api("PUT", f"/team/{created['id']}/member/{me['id']}", body={"role": "member"})
    assert status == 200
    outsider = skyplan_server.add_user("user", "outsider@example.com")
    skyplan_server.users["user"] = member
    skyplan_server.users["outsider"] = outsider
    return created


def production(skyplan_server):
    return next(a for a in skyplan_server.seed["accounts"].values() if a["name"] == "Production")


def test_sign_in_rejects_a_wrong_password_then_signs_in(ui, skyplan_server):
    owner = skyplan_server.users["owner"]
    ui.d.get(ui.base + "/")
    ui.wait("#login-email")
    ui.shot("01-sign-in")
    ui.type("#login-email", owner["email"])
    ui.type("#login-password", "not-the-password")
    ui.wait("#login-submit").click()
    error = ui.wait("#login-error .notice")
    assert "wrong" in error.text.lower()
    ui.shot("02-sign-in-error")
    ui.sign_in(owner["email"], owner["password"])
    assert owner["email"].split("@")[0] in ui.wait("#user-button").text
    ui.wait(".diagram-page")
    ui.shot("03-signed-in")


def test_add_account_shows_the_servers_error_for_a_bad_arn(ui, team):
    ui.open_accounts()
    ui.wait("#add-account").click()
    link = ui.wait("#iam-console-link")
    ui.until(lambda: "externalID=" in (link.get_attribute("href") or ""), message="console link not pre-filled")
    assert "roleType=crossAccount" in link.get_attribute("href")
    assert "Require MFA" in ui.d.find_element(By.ID, "accounts-dialog").text
    ui.shot("04-add-account-steps")
    ui.type("#account-role-arn", BAD_ARN)
    ui.type("#account-name", "Broken")
    ui.wait("#account-save").click()
    error = ui.wait("#account-error .notice")
    assert error.text.strip(), "the server's message is shown in place"
    assert ui.wait("#account-role-arn").get_attribute("aria-invalid") == "true"
    ui.js("document.getElementById('account-error').scrollIntoView()")
    ui.shot("05-add-account-bad-arn")


def test_add_account_through_the_modal(ui, skyplan_server, team):
    role = production(skyplan_server)["roleArn"]
    ui.type("#account-role-arn", role)
    ui.type("#account-name", "Production")
    Select(ui.wait(f"#team-access-{team['id']}")).select_by_value("read")
    ui.wait("#account-save").click()
    ui.wait("#accounts-table")
    rows = ui.account_rows()
    assert any("Production" in r and role in r and "Platform" in r for r in rows), rows
    ui.shot("06-account-added")


def test_edit_the_account_name(ui):
    ui.wait("#accounts-table [data-action=edit]").click()
    ui.type("#account-name", "Production (shop)")
    ui.shot("07-edit-account")
    ui.wait("#account-save").click()
    ui.until(lambda: any("Production (shop)" in r for r in ui.account_rows()), message="renamed row not shown")
    ui.shot("08-account-edited")
    ui.close_dialog()


def test_organization_import_explains_the_stackset_and_answers_in_place(ui, skyplan_server):
    ui.open_accounts()
    ui.wait("#import-organization").click()
    ui.until(lambda: "create-stack-set" in ui.js("return document.getElementById('org-commands')?.textContent || ''"),
             message="no StackSet commands")
    ui.type("#org-management-arn", production(skyplan_server)["roleArn"])
    ui.wait("#org-import").click()
    ui.wait("#org-result .notice", timeout=60)
    ui.js("document.getElementById('org-result').scrollIntoView()")
    ui.shot("09-organization-import")
    ui.close_dialog()


def test_a_user_outside_the_team_does_not_see_the_account(ui, skyplan_server, team):
    outsider = skyplan_server.users["outsider"]
    ui.sign_in(outsider["email"], outsider["password"])
    ui.open_accounts()
    assert ui.account_rows() == []
    assert not ui.d.find_elements(By.ID, "add-account"), "users cannot connect accounts"
    ui.shot("10-outsider-sees-no-account")
    ui.close_dialog()
    member = skyplan_server.users["user"]
    ui.sign_in(member["email"], member["password"])
    ui.open_accounts()
    rows = ui.account_rows()
    assert any("Production (shop)" in r for r in rows), rows
    assert not ui.d.find_elements(By.CSS_SELECTOR, "#accounts-table [data-action=edit]"), "members cannot edit"
    ui.shot("10-team-member-sees-account")
    ui.close_dialog()
    owner = skyplan_server.users["owner"]
    ui.sign_in(owner["email"], owner["password"])


@pytest.fixture(scope="module")
def scanned(ui, skyplan_server):
    """Scans the demo account's us-east-1 (skips while the snapshot route is not built)."""
    ui.d.get(ui.base + "/#/diagram")
    ui.wait("#account-select")
    account = next(a for a in skyplan_server.api("GET", "/aws/account")[1]["accounts"] if a["name"].startswith("Production"))
    if not ui.route_exists(f"/aws/account/{account['id']}/us-east-1/json?filter=type%3Dnothing"):
        pytest.skip("GET /aws/account/{id}/{region}/{format} answers 404: the snapshot route is not built yet")
    scan(ui, account, shot="11-scan-progress")
    return account


def scan(ui, account, shot=None):
    Select(ui.wait("#account-select")).select_by_value(account["id"])
    ui.wait("#scan-button").click()
    ui.wait(".scan-progress, .canvas[data-loaded=true]", timeout=30)
    if shot:
        ui.shot(shot)
    ui.wait(".canvas[data-loaded=true]", timeout=SCAN_TIMEOUT)


def counts(ui):
    return ui.js("""const s = document.querySelector('.stage svg');
      return {vpc: s.querySelectorAll('.type-vpc').length, subnet: s.querySelectorAll('.type-subnet').length,
              components: s.querySelectorAll('.component').length, ec2: s.querySelectorAll('.component.type-ec2').length,
              renders: Number(document.querySelector('.canvas').dataset.renders || 0)}""")


def busy(ui):
    return ui.js("return document.querySelector('.toolbar').getAttribute('aria-busy') === 'true'")


def test_scan_shows_vpcs_subnets_and_components(ui, scanned):
    c = counts(ui)
    assert c["vpc"] >= 1 and c["subnet"] >= 3 and c["components"] >= 10  # empty subnets are collapsed, c
    ui.wait(".stage .component.type-ec2").click()
    ui.until(lambda: ui.js("return document.getElementById('details-arn')?.textContent || ''").startswith("arn:aws:ec2:"),
             message="no ARN in the details panel")
    ui.until(lambda: ui.js("return document.getElementById('details-title')?.textContent || ''") not in ("", "ec2"),
             message="the details panel has no name")
    ui.shot("12-diagram-details")
    canvas = ui.wait(".canvas")
    canvas.click()
    canvas.send_keys("0n")  # fit, then select the next component from the keyboard
    ui.until(lambda: ui.js("return document.querySelectorAll('.stage .is-selected').length") == 1,
             message="keyboard selection did not select a component")


# The middle of the first edge a click there would reach (its hit area on top), in viewport pixels.
EDGE_TARGET = """
for (const path of document.querySelectorAll('.stage path.edge')) {
  const length = path.getTotalLength();
  if (!length) continue;
  const p = path.getPointAtLength(length / 2), m = path.getScreenCTM();
  const x = m.a * p.x + m.c * p.y + m.e, y = m.b * p.x + m.d * p.y + m.f;
  const hit = document.elementFromPoint(x, y);
  if (hit && hit.classList.contains('edge-hit') && hit.previousElementSibling === path) {
    return {x, y, kind: path.dataset.kind || '', evidence: path.dataset.evidence || ''};
  }
}
return null;"""


def test_clicking_an_edge_shows_why_it_exists(ui, scanned):
    ui.wait(".canvas").send_keys("0")  # fit
    target = ui.until(lambda: ui.js(EDGE_TARGET), message="no edge can be clicked on the diagram")
    assert target["kind"] and target["evidence"], target
    canvas = ui.wait(".canvas")
    box = ui.js("const r = arguments[0].getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}",
                canvas)
    ActionChains(ui.d).move_to_element_with_offset(canvas, int(target["x"] - box["x"]), int(target["y"] - box["y"])).click().perform()
    ui.until(lambda: ui.js("return document.getElementById('edge-kind')?.textContent || ''") == target["kind"],
             message="the details panel does not show the edge's kind")
    shown = ui.js("return [...document.querySelectorAll('#edge-evidence li')].map((li) => li.textContent)")
    assert shown == target["evidence"].split("; "), shown
    assert "→" in ui.js("return document.getElementById('details-title').textContent")
    assert ui.js("return document.querySelectorAll('.stage path.edge.is-selected').length") == 1
    ui.shot("12b-edge-details")


# Records the page's requests to the live feed (method, URL, number of ARNs in the body) before its scripts run.
RECORD_LIVE_REQUESTS = """
window.liveRequests = [];
const originalFetch = window.fetch;
window.fetch = function (url, init) {
  if (String(url).includes("live/")) {
    let arns = null;
    try { arns = JSON.parse(init?.body || "{}").arns?.length ?? null; } catch (e) { arns = null; }
    window.liveRequests.push({url: String(url), method: init?.method || "GET", arns});
  }
  return originalFetch.apply(this, arguments);
};"""


def test_unsaved_scan_watches_every_arn_through_the_post_feed(ui, scanned):
    if not stream_exists(ui, f"/live/{scanned['id']}/us-east-1"):
        pytest.skip("GET /live/{accountId}/{region} answers 404: the live feed is not built yet")
    script = ui.d.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_LIVE_REQUESTS})
    try:
        ui.d.get(ui.base + "/")
        ui.d.get(ui.base + "/#/diagram")
        ui.wait("#account-select")
        scan(ui, scanned)
        ui.until(lambda: ui.js("return window.liveRequests.length") > 0, timeout=30, message="no live request")
    finally:
        ui.d.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
    arns = ui.js("""return new Set([...document.querySelectorAll('.stage svg .component[data-arn]')]
                                    .map((e) => e.dataset.arn)).size""")
    request = ui.js("return window.liveRequests[0]")
    assert request["method"] == "POST" and "?" not in request["url"], request
    assert arns >= 10 and request["arns"] == arns, (request, arns)
    unpainted = "return document.querySelectorAll('.stage svg .component[data-arn]:not([data-health])').length"
    ui.until(lambda: ui.js(unpainted) == 0, timeout=90, message="components without a live state")
    assert ui.js("return document.getElementById('live-indicator').dataset.state") == "on"
    ui.shot("12b-live-every-arn")


def test_switch_projection_to_2d_and_theme(ui, scanned):
    before = counts(ui)["renders"]
    ui.wait("#projection-2d").click()
    ui.until(lambda: counts(ui)["renders"] > before, timeout=60, message="no re-render after 2D")
    assert ui.wait("#projection-2d").get_attribute("aria-pressed") == "true"
    ui.shot("13-projection-2d")
    before = counts(ui)["renders"]
    ui.wait("#theme-dark").click()
    ui.until(lambda: counts(ui)["renders"] > before, timeout=60, message="no re-render after dark")
    ui.shot("14-theme-dark")
    before = counts(ui)["renders"]
    ui.wait("#theme-light").click()
    ui.wait("#projection-isometric").click()
    ui.until(lambda: counts(ui)["renders"] > before and not busy(ui), timeout=90, message="not back to isometric")


def test_filter_keeps_matching_components_and_points_at_errors(ui, scanned):
    ui.type("#filter-input", "type=ec2")
    ui.wait("#filter-apply").click()

    def only_ec2():
        c = counts(ui)
        return c["ec2"] >= 1 and c["ec2"] == c["components"]
    ui.until(only_ec2, timeout=90, message=f"filter type=ec2 left other components: {counts(ui)}")
    ui.shot("15-filter-ec2")
    ui.type("#filter-input", "type=ec2 AND (running")
    ui.wait("#filter-apply").click()
    error = ui.wait("#filter-error")
    assert "position" in error.text.lower() or "^" in error.text, error.text
    ui.shot("16-filter-error")
    ui.type("#filter-input", "")
    ui.wait("#filter-apply").click()
    ui.until(lambda: counts(ui)["components"] > counts(ui)["ec2"], timeout=90, message="filter not cleared")


def test_budget_of_the_saved_diagram(ui, scanned):
    ui.wait("#save-blueprint").click()
    ui.type("#blueprint-name", "Shop production")
    ui.wait("#blueprint-save").click()
    ui.wait_gone("#blueprint-save", timeout=60)
    ui.wait("#tab-budget").click()
    if not ui.route_exists("/blueprint/00000000-0000-4000-8000-000000000000/budget/json"):
        ui.shot("17-budget-unavailable")
        pytest.skip("GET /blueprint/{id}/budget/json answers 404: the budget route is not built yet")
    total = ui.wait("#budget-total", timeout=60)
    assert any(ch.isdigit() for ch in total.text), total.text
    ui.shot("17-budget")
    Select(ui.wait("#budget-currency")).select_by_value("EUR")
    ui.until(lambda: "€" in ui.js("return document.getElementById('budget-total')?.textContent || ''"), timeout=60,
             message="the total is not in euros")
    ui.wait("#budget-csv").click()
    ui.until(lambda: any(f.endswith(".csv") for f in os.listdir(ui.d.downloads)), timeout=60, message="no CSV")
    Select(ui.wait("#budget-currency")).select_by_value("USD")


def test_budget_shows_the_estimate_beside_last_months_actual(ui, scanned):
    """The demo seeds Cost Explorer for Production: the panel compares per service, highlighting differences."""
    if not ui.js("return document.getElementById('tab-budget')?.getAttribute('aria-selected') === 'true'"):
        ui.wait("#tab-budget").click()
    ui.wait("#budget-actual-services", timeout=60)
    rows = ui.js("""return [...document.querySelectorAll('#budget-actual-services tbody tr')]
      .map(r => ({key: r.dataset.key, flag: r.className, cells: [...r.cells].map(c => c.textContent)}))""")
    keys = {r["key"] for r in rows}
    assert {"Amazon Relational Database Service", "Amazon Elastic Compute Cloud - Compute"} <= keys, rows
    assert "AWS Key Management Service" in keys and next(
        r for r in rows if r["key"] == "AWS Key Management Service")["flag"] == "diff-missing", rows
    assert all(r["cells"][2].startswith("$") for r in rows), rows
    assert "$" in ui.js("return document.getElementById('budget-actual-total').textContent")
    ui.js("document.getElementById('budget-actual').scrollIntoView()")
    ui.shot("18-budget-actual")


def test_budget_usage_is_edited_per_component_and_saved_on_the_node(ui, skyplan_server, scanned):
    """An assumed usage value (thumbnailer's Lambda requests) is changed in the panel: the total follows and the
    blueprint's node keeps Cloudcraft's field."""
    if not ui.js("return document.getElementById('tab-budget')?.getAttribute('aria-selected') === 'true'"):
        ui.wait("#tab-budget").click()
    css = 'input.usage-input[data-component-name="thumbnailer"][data-key="mRequests"]'
    ui.wait("#budget-usage", timeout=60)
    if not ui.js("return document.getElementById('budget-usage').open"):
        ui.wait("#budget-usage summary").click()
    field = ui.wait(css)
    assert ui.js(f"return document.querySelector('{css}').closest('label').textContent").find("assumed") >= 0
    before = ui.js("return document.getElementById('budget-total').textContent")
    field.clear()
    field.send_keys("500\t")
    ui.until(lambda: ui.js("return document.getElementById('budget-total')?.textContent || ''") not in ("", before),
             timeout=60, message="the total did not change")
    after = ui.js("return document.getElementById('budget-total').textContent")
    money = lambda text: float("".join(ch for ch in text if ch.isdigit() or ch == "."))
    assert money(after) > money(before) + 90, (before, after)  # 499 M more requests at $0.20/M, at least
    ui.until(lambda: ui.js(f"return document.querySelector('{css}')?.value") == "500", message="value not shown")
    assert "assumed" not in ui.js(f"return document.querySelector('{css}').closest('label').textContent")
    blueprint = ui.js("return location.hash").rsplit("/", 1)[-1]
    status, saved = skyplan_server.api("GET", f"/blueprint/{blueprint}")
    assert status == 200
    node = next(n for n in saved["data"]["nodes"] if n.get("name") == "thumbnailer")
    assert node["mRequests"] == 500
    ui.js(f"document.querySelector('{css}').scrollIntoView()")
    ui.shot("19-budget-usage")


def test_export_png(ui, scanned):
    ui.wait("#export-button").click()
    ui.wait("#export-png").click()
    ui.until(lambda: (ui.js("return document.querySelector('.toolbar').dataset.lastExport") or "").startswith("png:"),
             timeout=120, message="PNG export did not finish")
    assert ui.js("return document.querySelector('.toolbar').dataset.lastExport").startswith("png:image/png")
    ui.until(lambda: any(f.endswith(".png") for f in os.listdir(ui.d.downloads)), timeout=30)
    ui.shot("18-exported-png")


def stream_exists(ui, path):
    """True unless an event-stream route answers the router's generic 404 (not built yet)."""
    return ui.d.execute_async_script("""
        const done = arguments[1]; const ctl = new AbortController();
        fetch(arguments[0], {signal: ctl.signal}).then(async (r) => {
          const body = r.status === 404 ? await r.text() : ""; ctl.abort();
          done(!(r.status === 404 && body.includes('"Not found"')));
        }).catch(() => done(false));""", path)


def test_live_colour_changes_after_an_instance_is_stopped(ui, skyplan_server, scanned):
    if not stream_exists(ui, f"/live/{scanned['id']}/us-east-1"):
        pytest.skip("GET /live/{accountId}/{region} answers 404: the live feed is not built yet")
    boto3 = pytest.importorskip("boto3")
    instance = production(skyplan_server)["resources"]["batch-worker"]
    selector = f'.stage .component[data-arn="{instance["arn"]}"]'
    ui.wait(selector)
    ui.until(lambda: ui.js(f"return document.querySelector('{selector}').dataset.health || ''") not in ("", "stopped"),
             timeout=90, message="no live state for the instance")
    ui.shot("19-live-running")
    creds = boto3.client("sts", endpoint_url=skyplan_server.moto_url, region_name="us-east-1",
                         aws_access_key_id="testing", aws_secret_access_key="testing").assume_role(
        RoleArn=production(skyplan_server)["roleArn"], RoleSessionName="ui-test")["Credentials"]
    boto3.client("ec2", endpoint_url=skyplan_server.moto_url, region_name="us-east-1",
                 aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                 aws_session_token=creds["SessionToken"]).stop_instances(InstanceIds=[instance["id"]])
    ui.until(lambda: ui.js(f"return document.querySelector('{selector}').classList.contains('live-stopped')"),
             timeout=120, message="the stopped instance did not turn grey")
    ui.shot("20-live-stopped")


def test_admin_pages(ui):
    for route, css, name in (("teams", ".card h2", "21-teams"), ("keys", "#key-create", "22-api-keys"),
                             ("audit", "#audit-table", "23-audit"), ("blueprints", "h1", "24-blueprints")):
        ui.d.get(f"{ui.base}/#/{route}")
        ui.wait(css)
        if route == "audit":
            assert "account.connect" in ui.wait("#audit-table").text
        ui.shot(name)


def test_rename_a_blueprint_and_compare_its_versions(ui, scanned):
    ui.d.get(f"{ui.base}/#/blueprints")
    ui.wait("#blueprints-table")
    ui.wait("#blueprints-table button[aria-label^=Rename]").click()
    alert = WebDriverWait(ui.d, 10).until(lambda d: d.switch_to.alert)
    alert.send_keys("Shop production (v2)")
    alert.accept()
    ui.until(lambda: "Shop production (v2)" in ui.js("return document.getElementById('blueprints-table').innerText"),
             message="renamed blueprint not listed")
    ui.wait("#blueprints-table button.btn-small").click()
    ui.wait("#diff-from")
    ui.js("[...document.querySelectorAll('dialog button')].find((b) => b.textContent === 'Compare').click()")
    ui.until(lambda: "No component" in ui.js("return document.querySelector('.diff').innerText"),
             message="renaming changed no component, and the diff should say so")
    ui.shot("25-blueprint-versions")
    ui.d.find_element(By.CSS_SELECTOR, "dialog .dialog-header button").click()
    ui.wait("#blueprints-table a").click()
    ui.wait(".canvas[data-loaded=true]", timeout=90)
    assert "Shop production (v2)" in ui.wait("#blueprint-label").text
    assert ui.js("return document.querySelectorAll('.stage .component').length") >= 10
    ui.shot("25-blueprint-opened")


def account_titles(ui):
    return ui.js("""return [...document.querySelectorAll('.stage svg .group.type-account > text')]
                      .map((t) => t.textContent).sort()""")


def test_several_accounts_and_regions_in_one_diagram_kept_by_the_blueprint(ui, skyplan_server, scanned):
    if not ui.route_exists(f"/aws/accounts/json?accounts={scanned['id']}&regions=us-east-1&filter=type%3Dnothing"):
        pytest.skip("GET /aws/accounts/{format} answers 404: the multi-account route is not built yet")
    staging = next(a for a in skyplan_server.seed["accounts"].values() if a["name"] == "Staging")
    status, body = skyplan_server.api("POST", "/aws/account", body={"name": "Staging", "roleArn": staging["roleArn"]})
    assert status in (200, 201), body
    staging_id = body["id"]
    ui.d.get(ui.base + "/#/diagram")
    Select(ui.wait("#account-select")).select_by_value(scanned["id"])
    # Two accounts × two regions, picked together.
    ui.wait("#more-accounts-button").click()
    ui.wait(f"#more-accounts input[value='{staging_id}']").click()
    assert ui.wait("#more-accounts-button").text == "+1 account"
    ui.js("document.getElementById('more-accounts').open = false")
    ui.wait("#region-button").click()
    for region in ("us-east-1", "eu-west-1"):
        box = ui.wait(f"input[name=region][value='{region}']")
        if not box.is_selected():
            box.click()
    ui.shot("28-multi-account-picker")
    ui.wait("#scan-button").click()
    ui.wait(".canvas[data-loaded=true]", timeout=SCAN_TIMEOUT)
    ui.until(lambda: len(account_titles(ui)) == 2, timeout=60, message="not two account containers")
    titles = account_titles(ui)
    assert any("111111111111" in t for t in titles) and any("Staging" in t and "222222222222" in t for t in titles), titles
    assert ui.js("return document.querySelectorAll('.stage svg .group.type-region').length") >= 3
    ui.shot("28-multi-account-full")

    # Saved with its scope in a Skyplan field, then reopened: the same accounts × regions are scanned again.
    ui.wait("#save-blueprint").click()
    ui.type("#blueprint-name", "Shop and staging")
    ui.wait("#blueprint-save").click()
    ui.wait_gone("#blueprint-save", timeout=60)
    ui.until(lambda: ui.js("return location.hash").startswith("#/diagram/blueprint/"), message="no blueprint in the URL")
    blueprint_id = ui.js("return location.hash").split("/")[-1]
    status, saved = skyplan_server.api("GET", f"/blueprint/{blueprint_id}")
    assert status == 200, saved
    assert saved["data"]["skyplanScope"] == {"accounts": [scanned["id"], staging_id],
                                             "regions": ["us-east-1", "eu-west-1"], "view": "auto"}, saved["data"]
    ui.d.get(ui.base + "/#/blueprints")
    ui.wait(f"#blueprints-table tr[data-blueprint-id='{blueprint_id}'] a").click()
    ui.wait(".canvas[data-loaded=true]", timeout=SCAN_TIMEOUT)
    ui.until(lambda: len(account_titles(ui)) == 2, timeout=60, message="the reopened scope lost an account")
    assert "Shop and staging" in ui.wait("#blueprint-label").text
    assert ui.wait("#more-accounts-button").text == "+1 account"
    assert ui.js("return [...document.querySelectorAll('input[name=region]:checked')].map((i) => i.value)") == [
        "us-east-1", "eu-west-1"]
    assert ui.js("return performance.getEntriesByType('resource').some((e) => e.name.includes('/aws/accounts/svg?'))")
    # Live status of both accounts' components, through the one merged feed (POST /live/accounts).
    painted = """return [...new Set([...document.querySelectorAll('.stage svg .component[data-health]')]
                                  .map((e) => e.dataset.arn.split(':')[4]))].sort()"""
    ui.until(lambda: ui.js(painted) == ["111111111111", "222222222222"], timeout=120,
             message="live status did not reach both accounts' components")
    assert ui.js("return performance.getEntriesByType('resource').some((e) => e.name.endsWith('/live/accounts'))")
    ui.shot("29-multi-account-reopened")

    # The overview: a tile per account and region with its cost; a click drills down, and back.
    ui.wait("#view-overview").click()
    ui.until(lambda: ui.js("return document.querySelectorAll('.stage svg .group.tile').length") >= 3, timeout=SCAN_TIMEOUT,
             message="no overview tiles")
    assert "/month" in ui.js("return document.querySelector('.stage svg').textContent")
    ui.shot("30-multi-account-overview")
    tile = ui.wait(".stage svg .group.tile[data-drill-account='222222222222'][data-drill-region='eu-west-1'] path")
    ActionChains(ui.d).move_to_element(tile).click().perform()
    ui.until(lambda: "eu-west-1" in ui.js("return document.getElementById('drill-title')?.textContent || ''"),
             timeout=SCAN_TIMEOUT, message="the tile did not open")
    ui.wait(".canvas[data-loaded=true]")
    ui.until(lambda: ui.js("return document.querySelectorAll('.stage svg .group.tile').length") == 0
             and ui.js("return document.querySelectorAll('.stage svg .component').length") > 0,
             timeout=SCAN_TIMEOUT, message="no detail after the click")
    arns = ui.js("return [...document.querySelectorAll('.stage svg .component[data-arn]')].map((e) => e.dataset.arn)")
    assert arns and all(a.split(":")[4] in ("", "222222222222") for a in arns), arns
    ui.shot("31-multi-account-drill-down")
    ui.wait("#overview-back").click()
    ui.until(lambda: ui.js("return document.querySelectorAll('.stage svg .group.tile').length") >= 3, timeout=SCAN_TIMEOUT,
             message="back did not return to the overview")
    # The next test removes "the" account: take Staging away again.
    status, _ = skyplan_server.api("DELETE", f"/aws/account/{staging_id}")
    assert status in (200, 204), status


def test_remove_the_account_after_confirmation(ui):
    ui.d.get(ui.base + "/#/diagram")
    ui.open_accounts()
    ui.wait("#accounts-table [data-action=remove]").click()
    ui.wait("dialog.dialog-small .btn-danger")
    ui.shot("26-remove-confirm")
    ui.wait("dialog.dialog-small .btn-danger").click()
    ui.until(lambda: not ui.account_rows(), message="the account is still listed")
    ui.shot("27-account-removed")
