// Skyplan web UI: the details of a selected component (from the SVG's markup and the diagram JSON),
// with its live values when the live feed has any.
import { h, replace, copyButton } from "./dom.js";

const HIDDEN = new Set(["id", "mapPos", "mapSize", "name", "color", "type", "arn", "region", "link", "locked", "accentColor", "textSize", "nodes"]);

/** Fills `host` with the details of component `el` (a `.component` element) or an empty state. */
export function showDetails(host, el, { nodes, live, liveAvailable = true } = {}) {
  if (!el) {
    replace(
      host,
      h("div", { class: "empty small" }, h("p", {}, "Select a component on the diagram to see its details and live status."), h("p", { class: "muted" }, "Drag to pan, scroll to zoom. Keyboard: arrows pan, + and − zoom, 0 fits, N / P step through components.")),
    );
    return;
  }
  if (el.classList.contains("edge")) return showEdge(host, el, nodes);
  const nodeId = el.id.replace(/^[cg]-/, "");
  const type = [...el.classList].find((c) => c.startsWith("type-"))?.slice(5) || "component";
  const arn = el.dataset.arn || "";
  const node = nodes?.get(nodeId);
  const label = node?.name || el.querySelector(":scope > title")?.textContent || arn.split(/[:/]/).pop() || type;
  const state = live?.get(arn);
  const rows = [];
  if (node) {
    for (const [key, value] of Object.entries(node)) {
      if (HIDDEN.has(key) || value === null || value === "" || (typeof value === "object" && !Object.keys(value).length)) continue;
      rows.push([key, typeof value === "object" ? JSON.stringify(value) : String(value)]);
    }
  }
  replace(
    host,
    h("div", { class: "details-head" }, h("span", { class: `type-chip chip-${type}` }, type), h("h2", { id: "details-title" }, label)),
    arn
      ? h("div", { class: "arn" }, h("code", { id: "details-arn" }, arn), copyButton(arn, "Copy the ARN"))
      : h("p", { class: "muted small" }, "Not linked to a live resource."),
    h("h3", {}, "Live status"),
    state
      ? h(
          "div",
          { class: "live-state" },
          h("span", { class: `badge health-${state.health}` }, state.health),
          state.alarms ? h("span", { class: "badge badge-error" }, `${state.alarms} alarm${state.alarms === 1 ? "" : "s"}`) : null,
          state.stale ? h("span", { class: "badge badge-warn", title: "The last refresh failed; these values are older" }, "stale") : null,
          h(
            "dl",
            { class: "props" },
            Object.entries(state.values || {}).map(([k, v]) => [h("dt", {}, k), h("dd", {}, typeof v === "object" ? JSON.stringify(v) : String(v))]),
          ),
        )
      : h("p", { class: "muted small" }, !arn ? "No live values for this component." : liveAvailable ? "Waiting for live values…" : "Live status is not available on this server yet."),
    rows.length ? [h("h3", {}, "Configuration"), h("dl", { class: "props" }, rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]))] : null,
  );
}

/** The details of a connection (a `path.edge`): its ends, why it exists (kind) and the API evidence. */
function showEdge(host, el, nodes) {
  const name = (id) => nodes?.get(id)?.name || id;
  const kind = el.dataset.kind || "";
  const evidence = (el.dataset.evidence || "").split("; ").filter(Boolean);
  replace(
    host,
    h("div", { class: "details-head" }, h("span", { class: "type-chip" }, "connection"), h("h2", { id: "details-title" }, `${name(el.dataset.from)} → ${name(el.dataset.to)}`)),
    h("dl", { class: "props" }, h("dt", {}, "kind"), h("dd", { id: "edge-kind" }, kind || "not recorded")),
    h("h3", {}, "Evidence"),
    evidence.length
      ? h("ul", { id: "edge-evidence", class: "evidence" }, evidence.map((line) => h("li", {}, h("code", {}, line))))
      : h("p", { class: "muted small" }, "This blueprint does not record why the connection exists (drawn by hand, or saved before Skyplan recorded evidence)."),
  );
}
