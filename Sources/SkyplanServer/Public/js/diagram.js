// Skyplan web UI: the diagram page. Pick an account (or several) and regions, scan, then pan/zoom/fit the
// server's SVG; projection, theme, filter, exclude; the overview of several accounts and its drill-down;
// details, live status, budget; save (with the scanned scope) and export.
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

/**
 * Renders the diagram page; `params` is [accountId, region], ["blueprint", id] or ["scope", ids, regions, view]
 * (comma-separated). Returns a cleanup.
 */
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
    view: "auto",
    scope: null,
    tiles: new Map(),
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
    const accounts = toolbar.scopeAccounts();
    if (accounts.length > 1) return scanScope({ accounts, regions, view: state.view });
    state.scope = null;
    toolbar.showView(false);
    toolbar.setBlueprint(null);
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

  /**
   * Scans several accounts × regions into one diagram (GET /aws/accounts/{format}); `blueprint` is the saved
   * blueprint this scope was reopened from, `drill` an overview tile to open at once.
   */
  async function scanScope(scope, { blueprint = null, drill = null } = {}) {
    state.scope = scope;
    state.view = scope.view || "auto";
    state.blueprintId = blueprint?.id || null;
    state.results = null;
    state.region = null;
    toolbar.showView(true);
    toolbar.setBlueprint(blueprint);
    const ids = scope.accounts.map((a) => a.id).join(",");
    history.replaceState(null, "", blueprint ? `#/diagram/blueprint/${blueprint.id}` : `#/diagram/scope/${ids}/${scope.regions.join(",")}/${state.view}`);
    await drawScope(drill);
  }

  /** The source of the current scope (an overview tile when `drill`), still linked to its blueprint. */
  function scopeSource(drill) {
    const source = DiagramSource.scope(state.scope, drill);
    return state.source?.blueprint && state.blueprintId ? source.withBlueprint(state.source.blueprint) : source;
  }

  async function drawScope(drill) {
    state.source = scopeSource(drill);
    state.scanning = true;
    toolbar.busy(true);
    const status = h("span", {}, `Scanning ${state.scope.accounts.length} accounts × ${state.scope.regions.length} regions…`);
    showOverlay(h("section", { class: "scan-progress", role: "status", "aria-live": "polite" }, h("strong", {}, drill ? `Opening ${drill.account} · ${drill.region}` : "Scanning several accounts"), h("p", {}, status)));
    drawScopeBar();
    try {
      const svg = await state.source.svg(viewParams(), { onWait: (n) => (status.textContent = `Still scanning (${n})…`) });
      state.scanning = false;
      mount(svg, false);
    } catch (e) {
      state.scanning = false;
      showOverlay(notice("error", e.message));
    } finally {
      state.scanning = false;
      toolbar.busy(false);
    }
  }

  /** Above the canvas: "back to the overview" in a drill-down; in the overview, one button per tile. */
  function drawScopeBar() {
    const drill = state.source?.drill;
    if (drill) {
      return replace(
        tabs,
        h("button", { type: "button", class: "btn btn-small", id: "overview-back", onclick: () => drawScope(null) }, "← Overview"),
        h("span", { class: "scope-title", id: "drill-title" }, `${accountName(drill.account)} · ${drill.region}`),
      );
    }
    replace(
      tabs,
      [...state.tiles.values()].map((tile) =>
        h("button", { type: "button", class: "btn btn-small tile-link", dataset: { account: tile.account, region: tile.region }, onclick: () => drawScope(tile) }, `${accountName(tile.account)} · ${tile.region}`),
      ),
    );
  }

  /** An AWS account id's connected name (from the accounts list), else the id. */
  function accountName(awsID) {
    const a = state.accounts.find((x) => x.accountId === awsID);
    return a ? `${a.name} (${awsID})` : awsID;
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
    if (state.source.kind === "scope" && !state.source.drill && state.source.scope.view !== state.view) {
      state.scope = { ...state.scope, view: state.view };
      return drawScope(null);
    }
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
      // The overview's tiles: each region group naming its drill-down.
      state.tiles = new Map((data?.groups || []).filter((g) => g.drillDown?.account).map((g) => [g.id, { ...g.drillDown }]));
      canvas.classList.toggle("is-overview", state.tiles.size > 0);
      for (const [id, tile] of state.tiles) {
        const el = viewer.svg?.getElementById?.(`g-${id}`);
        el?.classList.add("tile");
        if (el) Object.assign(el.dataset, { drillAccount: tile.account, drillRegion: tile.region });
      }
      if (source.kind === "scope") drawScopeBar();
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
    if (src.liveScope && !svg.querySelector(".component[data-arn]")) return;
    if (!src.liveScope && (!src.liveAccountId || !src.region)) return;
    state.live = new LiveFeed({
      scope: src.liveScope,
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
    const tile = !refresh && el?.classList.contains("group") ? state.tiles.get(el.id.replace(/^g-/, "")) : null;
    if (tile && state.source?.kind === "scope") return drawScope(tile);
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
    state.blueprintId = saved.id;
    if (state.results?.has(state.region)) state.results.get(state.region).source = state.source;
    history.replaceState(null, "", `#/diagram/blueprint/${saved.id}`);
    toolbar.setBlueprint(saved);
    if (!budget.hidden) drawBudget();
  }

  async function openBlueprint(id) {
    try {
      const bp = await get(`blueprint/${encodeURIComponent(id)}`);
      const saved = bp.data?.skyplanScope;
      if (Array.isArray(saved?.accounts) && saved.accounts.length && Array.isArray(saved.regions)) {
        // A diagram of several accounts: scan the same scope again, linked to the blueprint.
        await loadAccounts();
        const scope = {
          accounts: saved.accounts.map((aid) => state.accounts.find((a) => a.id === aid) || { id: aid, name: aid }),
          regions: saved.regions.map(String),
          view: ["auto", "overview", "full"].includes(saved.view) ? saved.view : "auto",
        };
        toolbar.setScope(scope);
        state.source = DiagramSource.scope(scope).withBlueprint(bp);
        const drill = saved.drillDown?.account ? { account: String(saved.drillDown.account), region: String(saved.drillDown.region || "") } : null;
        return scanScope(scope, { blueprint: bp, drill });
      }
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
    if (state.source?.kind !== "scope") loadAccounts();
  } else if (params[0] === "scope" && params[1] && params[2]) {
    await loadAccounts();
    const ids = params[1].split(",");
    const scope = { accounts: ids.map((aid) => state.accounts.find((a) => a.id === aid)).filter(Boolean), regions: params[2].split(","), view: params[3] || "auto" };
    if (scope.accounts.length) {
      toolbar.setScope(scope);
      scanScope(scope);
    }
  } else {
    await loadAccounts();
    if (params[0]) toolbar.preselect(params[0], params[1]);
  }
  return () => {
    window.removeEventListener("skyplan:accounts-changed", onAccounts);
    state.live?.close();
  };
}
