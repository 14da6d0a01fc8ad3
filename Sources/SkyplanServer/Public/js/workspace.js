// Skyplan web UI: the diagram page's workspace — canvas with zoom controls and live indicator, and the
// side panel with its Details and Budget tabs.
import { h, icon } from "./dom.js";
import { DiagramViewer } from "./viewer.js";

/**
 * Builds the workspace. `onSelect(el)` runs when a component is clicked, `onPanel(id)` when a side
 * panel tab is shown. Returns its parts and the viewer.
 */
export function buildWorkspace({ onSelect, onPanel }) {
  const canvas = h("div", { class: "canvas", tabindex: 0, role: "application", "aria-roledescription": "diagram", "aria-label": "Diagram. Arrow keys pan, plus and minus zoom, 0 fits, N and P select the next and previous component, Escape clears the selection." });
  const overlay = h("div", { class: "canvas-overlay" });
  const zoomLabel = h("span", { class: "zoom-label", "aria-live": "off" }, "100%");
  const tabs = h("div", { class: "region-tabs", role: "tablist", "aria-label": "Scanned regions" });
  const details = h("div", { class: "panel-body", id: "details-panel", role: "tabpanel", "aria-labelledby": "tab-details" });
  const budget = h("div", { class: "panel-body", id: "budget-panel", role: "tabpanel", "aria-labelledby": "tab-budget", hidden: true });
  const liveBadge = h("span", { class: "live-indicator", id: "live-indicator", hidden: true }, "Live");
  const viewer = new DiagramViewer(canvas, { onSelect });
  canvas.addEventListener("viewchange", (e) => (zoomLabel.textContent = `${Math.round(e.detail.scale * 100)}%`));

  const panelTab = (id, text, panel) =>
    h("button", { type: "button", role: "tab", id: `tab-${id}`, "aria-controls": panel.id, "aria-selected": id === "details" ? "true" : "false", onclick: () => showPanel(id) }, text);
  const panelTabs = h("div", { class: "panel-tabs", role: "tablist", "aria-label": "Side panel" }, panelTab("details", "Details", details), panelTab("budget", "Budget", budget));
  function showPanel(id) {
    for (const b of panelTabs.children) b.setAttribute("aria-selected", String(b.id === `tab-${id}`));
    details.hidden = id !== "details";
    budget.hidden = id !== "budget";
    onPanel?.(id);
  }

  const zoomButton = (id, label, iconName, action) => h("button", { class: "btn btn-icon", type: "button", "aria-label": label, title: label, id, onclick: action }, icon(iconName));
  const el = h(
    "div",
    { class: "workspace" },
    h(
      "div",
      { class: "canvas-wrap" },
      tabs,
      canvas,
      overlay,
      h(
        "div",
        { class: "canvas-controls", role: "group", "aria-label": "Zoom" },
        zoomButton("zoom-out", "Zoom out", "zoomOut", () => viewer.zoomBy(0.8)),
        zoomLabel,
        zoomButton("zoom-in", "Zoom in", "zoomIn", () => viewer.zoomBy(1.25)),
        zoomButton("zoom-fit", "Fit the diagram", "fit", () => viewer.fit()),
      ),
      liveBadge,
    ),
    h("aside", { class: "sidepanel", "aria-label": "Component details and budget" }, panelTabs, details, budget),
  );
  return { el, canvas, overlay, tabs, details, budget, liveBadge, viewer, showPanel };
}
