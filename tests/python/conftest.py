"""Shared fixtures of the Python suites: a running Skyplan on moto (module-scoped, via
skyplan_harness), an artefacts folder, and headless Chromium drivers for the web UI tests."""
import os
import shutil

import pytest

from skyplan_harness import ROOT, running_skyplan


@pytest.fixture(scope="session")
def artifacts_dir():
    """`$SKYPLAN_ARTIFACTS` (default `artifacts/` at the repository root), created if missing."""
    path = os.environ.get("SKYPLAN_ARTIFACTS") or os.path.join(ROOT, "artifacts")
    os.makedirs(path, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def skyplan_server():
    """A running Skyplan on a seeded moto with owner/admin/user accounts (see skyplan_harness.Skyplan)."""
    with running_skyplan() as server:
        yield server


def _chromium_paths():
    binary = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    return binary, driver


@pytest.fixture(scope="module")
def browser_factory(tmp_path_factory):
    """Makes headless Chromium drivers (1440×900, downloads into a temp folder); quits them all at
    the end. Skips when Selenium or Chromium is missing."""
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    binary, driver_path = _chromium_paths()
    if not binary or not driver_path:
        pytest.skip("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")
    drivers = []

    def make(width=1440, height=900):
        downloads = str(tmp_path_factory.mktemp("downloads"))
        options = webdriver.ChromeOptions()
        options.binary_location = binary
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}",
                    "--force-device-scale-factor=1", "--lang=en-US"):
            options.add_argument(arg)
        options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                                  "download.prompt_for_download": False})
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(options=options, service=Service(driver_path))
        driver.downloads = downloads
        drivers.append(driver)
        return driver

    yield make
    for driver in drivers:
        driver.quit()
