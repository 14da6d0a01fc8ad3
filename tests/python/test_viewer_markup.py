"""The diagram viewer parses the server's SVG as XML, never as HTML: markup that reached an SVG (a record
saved before input validation, a renderer bug) is refused or inert, never live in the page. Runs the
viewer module from Sources/SkyplanServer/Public in headless Chromium, served as static files."""
import functools
import http.server
import os
import threading

import pytest

PUBLIC = os.path.join(os.path.dirname(__file__), "..", "..", "Sources", "SkyplanServer", "Public")

HOSTILE = """<?xml version="1.0" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="80"
  viewBox="0 0 100 80" onload="window.__pwned = 'onload'">
<script>window.__pwned = 'script'</script>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="window.__pwned = 'img'"/></div></foreignObject>
<g id="c-n1" class="component" onclick="window.__pwned = 'click'"><a xlink:href="javascript:window.__pwned = 'href'">
<text>&lt;script&gt;alert(1)&lt;/script&gt;</text></a></g>
</svg>"""

# What innerHTML would have turned into elements: the document is not well-formed XML.
BROKEN = '<svg xmlns="http://www.w3.org/2000/svg"><g id="c-<script>x</script>"><a id=x></g></svg>'


@pytest.fixture(scope="module")
def public_base():
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=PUBLIC)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


RUN = """
const [svgText, done] = [arguments[0], arguments[arguments.length - 1]];
import("/js/viewer.js").then(({ DiagramViewer }) => {
  const host = document.createElement("div");
  document.body.append(host);
  const viewer = new DiagramViewer(host, {});
  let error = null;
  try { viewer.load(svgText); } catch (e) { error = String(e.message || e); }
  const all = [...host.querySelectorAll("*")];
  host.querySelector("#c-n1")?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
  setTimeout(() => done({
    error,
    pwned: window.__pwned || null,
    scripts: host.querySelectorAll("script, foreignObject, img").length,
    handlers: all.flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith("on")),
    hrefs: all.flatMap((e) => [...e.attributes].filter((a) => a.name.endsWith("href")).map((a) => a.value)),
    htmlElements: all.filter((e) => e.namespaceURI === "http://www.w3.org/1999/xhtml" && e !== host && !e.classList.contains("stage")).length,
    text: host.textContent,
  }), 300);
}, (e) => done({ error: "import failed: " + e }));
"""


def run(browser_factory, public_base, svg):
    driver = browser_factory()
    driver.get(public_base + "/favicon.svg")  # any same-origin page; the module is imported into it
    driver.get(public_base + "/css/app.css")
    driver.set_script_timeout(20)
    return driver.execute_async_script(RUN, svg)


def test_hostile_svg_is_inert(browser_factory, public_base):
    result = run(browser_factory, public_base, HOSTILE)
    assert result["error"] is None, result
    assert result["pwned"] is None, result
    assert result["scripts"] == 0, result
    assert result["handlers"] == [], result
    assert all(h.startswith("#") for h in result["hrefs"]), result
    assert result["htmlElements"] == 0, result
    assert "<script>alert(1)</script>" in result["text"], "escaped text stays text"


def test_svg_that_is_not_well_formed_is_refused(browser_factory, public_base):
    result = run(browser_factory, public_base, BROKEN)
    assert result["error"] and "not valid SVG" in result["error"], result
    assert result["htmlElements"] == 0, result


def test_skyplan_svg_is_shown(browser_factory, public_base):
    golden = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "SkyplanRenderTests", "Golden",
                          "webapp-isometric-light.svg")
    with open(golden) as fh:
        svg = fh.read()
    result = run(browser_factory, public_base, svg)
    assert result["error"] is None, result
    assert result["handlers"] == [] and result["htmlElements"] == 0, result
    driver = browser_factory()
    driver.get(public_base + "/css/app.css")
    driver.set_script_timeout(20)
    counts = driver.execute_async_script("""
const [svgText, done] = arguments;
import("/js/viewer.js").then(({ parseSVG }) => {
  const svg = parseSVG(svgText);
  document.body.append(svg);
  done({ components: svg.querySelectorAll("g.component").length, labels: svg.querySelectorAll("#labels text").length,
         width: svg.getBoundingClientRect().width, interaction: Boolean(svg.querySelector("#interactionLayer")) });
});
""", svg)
    assert counts["components"] > 0 and counts["labels"] > 0 and counts["interaction"], counts
    assert counts["width"] > 0, counts
