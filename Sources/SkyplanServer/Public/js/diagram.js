// Skyplan web UI: the diagram page. Pick an account and regions, scan, then pan/zoom/fit the server's
// SVG; projection, theme, filter, exclude; details, live status, budget; save and export.
import { ApiError, get } from "./api.js";
import { openAccounts, session } from "./app.js";
import { h, replace, notice } from "./dom.js";
import { buildWorkspace } from "./workspace.js";
import { DiagramSource } from "./source.js";
import { buildToolbar } from "./toolbar.js";
import { showDetails } from "./details.js";
import { renderBudget, containerNames } from "./budget.js";
import { LiveFeed } from "./live.js";
import { ScanProgress } from "./progress.js";
import { emptyState, loadProxy, scanErrorCard } from "./messages.js";

/** Renders the diagram page; `params` is [accountId, region] or ["blueprint", id]. Returns a cleanup. */
export async function renderDiagram(main, params) {
  const prefs = JSON.parse(localStorage.getItem("skyplan.view") || "{}");
  const state = {
    accounts: [],
    source: null,
    projection: prefs.projection || "isometric",
    theme: prefs.theme || "light",
    label: prefs.label !== false,
    detail: "summary",
    filter: "",
    exclude: new Set(),
    regions: [],
    region: null,
    nodes: new Map(),
    data: null,
    blueprintId: null,
    live: null,
  };
  const ws = buildWorkspace({ onSelect: (el) => selectComponent(el), onPanel: (id) => id === "budget" && drawBudget() });
  const { canvas, overlay, tabs, details, budget, liveBadge, viewer, showPanel } = ws;

  const toolbar = buildToolbar(state, {
    scan: () => scan(),
    rerender: (options) => render({ keepView: true, ...options }),
    save: () => saveBlueprint(),
    exportUrl: (fmt) => state.source?.url(fmt, viewParams()),
    addAccount: () => openAccounts(),
    fit: () => viewer.fit(),
  });

  main.append(
    h(
      "div",
      { class: "diagram-page" },
      h("h1", { class: "visually-hidden" }, "Diagram"),
      toolbar.el,
      ws.el,
    ),
  );
  showDetails(details, null);
  toolbar.enable(false);

  function viewParams() {
    return {
      projection: state.projection,
      theme: state.theme,
      filter: state.filter,
      exclude: [...state.exclude].join(","),
      label: state.label ? "" : "false",
      detail: state.detail === "full" ? "full" : "",
    };
  }

  function showOverlay(...content) {
    replace(overlay, ...content);
    overlay.hidden = content.length === 0;
  }

  async function loadAccounts() {
    try {
      state.accounts = (await get("aws/account")).accounts || [];
    } catch (e) {
      state.accounts = [];
      toolbar.error(e.message);
    }
    toolbar.setAccounts(state.accounts);
    if ((!state.accounts.length && !state.blueprintId) || (!viewer.svg && !state.scanning)) {
      showOverlay(emptyState({ hasAccounts: state.accounts.length > 0, isAdmin: session.isAdmin, addAccount: () => openAccounts() }));
    }
  }

  async function scan() {
    const account = toolbar.account();
    const regions = toolbar.regions();
    if (!account || !regions.length) return;
    state.blueprintId = null;
    state.regions = regions;
    state.scanning = true;
    toolbar.busy(true);
    history.replaceState(null, "", `#/diagram/${account.id}/${regions[0]}`);
    const progressBox = h("div", { class: "progress-stack" });
    showOverlay(progressBox);
    replace(tabs);
    state.results = new Map();
    await Promise.all(
      regions.map(async (region) => {
        const source = DiagramSource.account(account, region);
        const progress = new ScanProgress(progressBox, { accountId: account.id, region });
        try {
          const svg = await source.svg(viewParams());
          state.results.set(region, { source, svg });
          progress.remove();
          if (!state.region || !state.results.has(state.region) || state.region === region) showRegion(region);
          drawTabs();
        } catch (e) {
          progress.remove();
          progressBox.append(scanErrorCard(e, region));
        }
      }),
    );
    state.scanning = false;
    toolbar.busy(false);
    if (!progressBox.childElementCount) showOverlay();
  }

  function drawTabs() {
    const regions = state.regions.filter((r) => state.results.has(r));
    replace(
      tabs,
      regions.length > 1
        ? regions.map((r) => h("button", { type: "button", role: "tab", "aria-selected": String(r === state.region), onclick: () => showRegion(r) }, r))
        : null,
    );
  }

  function showRegion(region) {
    const result = state.results.get(region);
    if (!result) return;
    state.region = region;
    state.source = result.source;
    mount(result.svg, false);
    drawTabs();
  }

  function mount(svgText, keepView) {
    const t0 = performance.now();
    let svg;
    try {
      svg = viewer.load(svgText, { keepView });
    } catch (e) {
      showOverlay(notice("error", e.message));
      return;
    }
    if (!state.scanning || !overlay.querySelector(".scan-progress")) showOverlay();
    performance.measure("skyplan:render", { start: t0, end: performance.now() });
    toolbar.setTypes(svg);
    toolbar.enable(true);
    canvas.dataset.loaded = "true";
    canvas.dataset.theme = state.theme;
    canvas.dataset.renders = String(Number(canvas.dataset.renders || 0) + 1);
    showDetails(details, null);
    loadData();
    loadProxy(viewer, svg, state.source, viewParams());
    startLive(svg);
    if (!budget.hidden) drawBudget();
  }

  async function render({ keepView }) {
    if (!state.source) return;
    localStorage.setItem("skyplan.view", JSON.stringify({ projection: state.projection, theme: state.theme, label: state.label }));
    toolbar.busy(true);
    toolbar.filterError(null);
    // Only the latest request may paint: answers to earlier clicks can arrive later.
    const ticket = (state.renderTicket = (state.renderTicket || 0) + 1);
    try {
      const svg = await state.source.svg(viewParams());
      if (ticket !== state.renderTicket) return;
      if (state.results?.has(state.region)) state.results.get(state.region).svg = svg;
      state.goodFilter = state.filter;
      mount(svg, keepView);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && /filter/i.test(e.message)) {
        // Keep the diagram of the last valid filter; point at the problem in the box.
        state.filter = state.goodFilter || "";
        toolbar.filterError(e);
      } else if (ticket === state.renderTicket) {
        const missing = e instanceof ApiError && e.missingRoute;
        const text = missing ? (state.source.kind === "blueprint" ? "Drawing saved blueprints is not available on this server yet." : "Diagrams are not available on this server yet.") : e.message;
        if (viewer.svg) toolbar.error(text);
        else showOverlay(notice(missing ? "info" : "error", text));
      }
    } finally {
      if (ticket === state.renderTicket) toolbar.busy(false);
    }
  }

  async function loadData() {
    const source = state.source;
    try {
      const data = await source.data(viewParams());
      if (source !== state.source) return;
      state.data = data;
      state.nodes = new Map([...(data?.nodes || []), ...(data?.groups || []), ...(data?.surfaces || [])].map((n) => [n.id, n]));
      if (viewer.selected) selectComponent(viewer.selected, true);
    } catch {
      state.data = null;
    }
  }

  function startLive(svg) {
    const src = state.source;
    if (state.live && state.live.key === src.liveKey) return state.live.attach(svg);
    state.live?.close();
    state.live = null;
    liveBadge.hidden = true;
    if (!src.liveAccountId || !src.region) return;
    state.live = new LiveFeed({
      accountId: src.liveAccountId,
      region: src.region,
      blueprintId: src.blueprintId,
      svg,
      onState: (s) => {
        state.liveState = s;
        if (viewer.selected) selectComponent(viewer.selected, true);
        liveBadge.hidden = s === "unavailable";
        liveBadge.dataset.state = s;
        liveBadge.textContent = s === "on" ? "Live" : "Reconnecting…";
      },
      onUpdate: (event) => {
        if (viewer.selected?.dataset.arn === event.arn) selectComponent(viewer.selected, true);
      },
    });
    state.live.key = src.liveKey;
  }

  function selectComponent(el, refresh = false) {
    showDetails(details, el, { nodes: state.nodes, live: state.live?.values, liveAvailable: state.liveState !== "unavailable" });
    if (el && !refresh) showPanel("details");
  }

  function drawBudget() {
    renderBudget(budget, {
      blueprintId: state.source?.blueprintId,
      names: containerNames(state.data),
      onSaveRequest: state.source ? () => saveBlueprint() : null,
      // A usage value saved on the blueprint's node: the diagram's copy follows, so a later save keeps it.
      onNodeChange: (id, key, value) => {
        const node = (state.data?.nodes || []).find((n) => n.id === id || n.arn === id);
        if (node) node[key] = value;
      },
    });
  }

  async function saveBlueprint() {
    const { saveAsBlueprint } = await import("./save.js");
    const saved = await saveAsBlueprint(state);
    if (!saved) return;
    state.source = state.source.withBlueprint(saved);
    if (state.results?.has(state.region)) state.results.get(state.region).source = state.source;
    history.replaceState(null, "", `#/diagram/blueprint/${saved.id}`);
    toolbar.setBlueprint(saved);
    if (!budget.hidden) drawBudget();
  }

  async function openBlueprint(id) {
    try {
      const bp = await get(`blueprint/${encodeURIComponent(id)}`);
      state.source = DiagramSource.blueprint(bp);
      state.blueprintId = id;
      state.region = state.source.region;
      toolbar.setBlueprint(bp, { drawnFromBlueprint: true });
      render({ keepView: false });
    } catch (e) {
      showOverlay(notice("error", e.message));
    }
  }

  const onAccounts = () => loadAccounts();
  window.addEventListener("skyplan:accounts-changed", onAccounts);
  if (params[0] === "blueprint" && params[1]) {
    state.blueprintId = params[1];
    await openBlueprint(params[1]);
    loadAccounts();
  } else {
    await loadAccounts();
    if (params[0]) toolbar.preselect(params[0], params[1]);
  }
  return () => {
    window.removeEventListener("skyplan:accounts-changed", onAccounts);
    state.live?.close();
  };
}
