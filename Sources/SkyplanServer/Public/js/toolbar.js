// Skyplan web UI: the diagram toolbar — account (and more accounts for one diagram of several) and regions,
// scan, view switches, filter, exclude, save and export.
import { getWhenReady } from "./api.js";
import { download, h, icon, notice, replace } from "./dom.js";

export const REGIONS = [
  "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1", "eu-west-1", "eu-west-2", "eu-west-3",
  "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2",
  "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "me-central-1", "af-south-1",
];
const EXPORTS = [["svg", "SVG"], ["png", "PNG"], ["pdf", "PDF"], ["mxGraph", "draw.io (mxGraph XML)"], ["json", "JSON"]];
const EXTENSIONS = { mxGraph: "drawio.xml" };

/** Builds the toolbar for the diagram `state`; `actions` are the page's callbacks. */
export function buildToolbar(state, actions) {
  const accountSelect = h("select", { id: "account-select" });
  const regionBoxes = h("div", { class: "region-options", role: "group", "aria-label": "Regions" });
  const regionSummary = h("summary", { class: "btn", id: "region-button" }, "us-east-1");
  const regionPicker = h("details", { class: "dropdown" }, regionSummary, h("div", { class: "dropdown-panel" }, regionBoxes));
  // More accounts drawn with the selected one (accounts × regions, GET /aws/accounts/{format}).
  const moreBoxes = h("div", { class: "account-options", role: "group", "aria-label": "More accounts" });
  const moreSummary = h("summary", { class: "btn", id: "more-accounts-button" }, "+ accounts");
  const morePicker = h(
    "details",
    { class: "dropdown", id: "more-accounts" },
    moreSummary,
    h("div", { class: "dropdown-panel" }, h("p", { class: "muted small" }, "Draw these accounts with the selected one, each in every region picked."), moreBoxes),
  );
  const scanButton = h("button", { class: "btn btn-primary", type: "submit", id: "scan-button" }, icon("refresh"), "Scan");
  const message = h("div", { class: "toolbar-message", role: "alert" });
  const toggle = (key, options, label) => {
    const group = h("div", { class: "btn-group", role: "group", "aria-label": label });
    for (const [value, text] of options) {
      group.append(
        h("button", {
          type: "button", class: "btn btn-small", id: `${key}-${value}`, "aria-pressed": String(state[key] === value),
          onclick: () => {
            if (state[key] === value) return;
            state[key] = value;
            for (const b of group.children) b.setAttribute("aria-pressed", String(b.id === `${key}-${value}`));
            actions.rerender({ keepView: key !== "projection" });
          },
        }, text),
      );
    }
    return group;
  };
  const viewGroup = toggle("view", [["auto", "Auto"], ["overview", "Overview"], ["full", "Full"]], "Several accounts: overview or full diagram");
  viewGroup.id = "view-toggle";
  viewGroup.hidden = true;
  const labels = h("input", { type: "checkbox", id: "labels-toggle", checked: state.label, onchange: (e) => { state.label = e.target.checked; actions.rerender(); } });
  const filterInput = h("input", { type: "search", id: "filter-input", placeholder: "Filter: type=ec2 AND running, tag=value, vpc-…", "aria-describedby": "filter-help", autocomplete: "off", spellcheck: "false" });
  const filterError = h("div", { class: "filter-error", id: "filter-error", role: "alert" });
  filterInput.addEventListener("input", () => {
    filterInput.setAttribute("aria-invalid", "false");
    replace(filterError);
  });
  const filterForm = h(
    "form",
    { class: "filter-form", role: "search", onsubmit: (e) => { e.preventDefault(); state.filter = filterInput.value.trim(); actions.rerender(); } },
    h("label", { for: "filter-input", class: "visually-hidden" }, "Filter the diagram"),
    filterInput,
    h("button", { class: "btn btn-small", type: "submit", id: "filter-apply" }, "Apply"),
    h("span", { id: "filter-help", class: "visually-hidden" }, "Filter language: names, ids, type=ec2, tag=value, IP addresses, container ids, state words, combined with AND, OR, NOT and parentheses. Press Enter to apply."),
  );
  const excludeBoxes = h("div", { class: "exclude-options", role: "group", "aria-label": "Component types" }, h("p", { class: "muted small" }, "Scan first to list the types."));
  const excludeSummary = h("summary", { class: "btn btn-small", id: "exclude-button" }, "Exclude types");
  const excludePicker = h("details", { class: "dropdown" }, excludeSummary, h("div", { class: "dropdown-panel" }, excludeBoxes, h("button", { class: "btn btn-small btn-primary", type: "button", id: "exclude-apply", onclick: () => { excludePicker.open = false; actions.rerender(); } }, "Apply")));
  const saveButton = h("button", { class: "btn", type: "button", id: "save-blueprint", disabled: true, onclick: actions.save }, icon("save"), "Save as blueprint");
  const exportStatus = h("span", { class: "visually-hidden", id: "export-status", role: "status" });
  const exportMenu = h(
    "details",
    { class: "dropdown dropdown-right", id: "export-menu" },
    h("summary", { class: "btn", id: "export-button" }, icon("download"), "Export"),
    h("div", { class: "dropdown-panel" }, EXPORTS.map(([fmt, text]) => h("button", { type: "button", class: "menu-item", id: `export-${fmt}`, onclick: () => exportAs(fmt) }, text)), exportStatus),
  );
  exportMenu.addEventListener("toggle", () => {
    if (exportMenu.open && exportMenu.querySelector("summary").getAttribute("aria-disabled") === "true") exportMenu.open = false;
  });
  const blueprintLabel = h("span", { class: "blueprint-label", id: "blueprint-label" });
  const scanForm = h(
    "form",
    { class: "scan-form", onsubmit: (e) => { e.preventDefault(); regionPicker.open = false; morePicker.open = false; actions.scan(); } },
    h("label", { for: "account-select" }, "Account"),
    accountSelect,
    morePicker,
    h("span", { class: "field-label", id: "region-label" }, "Region"),
    regionPicker,
    scanButton,
  );
  const el = h(
    "div",
    { class: "toolbar" },
    h("div", { class: "toolbar-row" }, scanForm, blueprintLabel, h("div", { class: "spacer" }), saveButton, exportMenu),
    h(
      "div",
      { class: "toolbar-row" },
      toggle("projection", [["isometric", "Isometric"], ["2d", "2D"]], "Projection"),
      toggle("theme", [["light", "Light"], ["dark", "Dark"]], "Theme"),
      toggle("detail", [["summary", "Summary"], ["full", "Every attachment"]], "Detail"),
      viewGroup,
      h("label", { class: "checkbox small" }, labels, "Labels"),
      h("div", { class: "filter-wrap" }, filterForm, filterError),
      excludePicker,
    ),
    message,
  );

  for (const r of REGIONS) {
    regionBoxes.append(h("label", { class: "checkbox" }, h("input", { type: "checkbox", name: "region", value: r, checked: r === "us-east-1", onchange: updateRegions }), r));
  }
  function updateRegions() {
    const chosen = regions();
    regionSummary.textContent = chosen.length === 0 ? "Pick a region" : chosen.length === 1 ? chosen[0] : `${chosen[0]} +${chosen.length - 1}`;
    scanButton.disabled = !chosen.length || !accountSelect.value;
  }
  function regions() {
    return [...regionBoxes.querySelectorAll("input:checked")].map((i) => i.value);
  }
  function setRegions(list) {
    for (const i of regionBoxes.querySelectorAll("input")) i.checked = list.includes(i.value);
    updateRegions();
  }
  accountSelect.onchange = () => {
    const a = state.accounts.find((x) => x.id === accountSelect.value);
    if (a?.region && !extraAccounts().length) setRegions([a.region]);
    localStorage.setItem("skyplan.account", accountSelect.value);
    drawMore(extraAccounts().map((x) => x.id));
  };
  /** The accounts checked in "+ accounts" (never the selected one). */
  function extraAccounts() {
    const ids = new Set([...moreBoxes.querySelectorAll("input:checked")].map((i) => i.value));
    return state.accounts.filter((a) => ids.has(a.id) && a.id !== accountSelect.value);
  }
  /** Lists every other account the user may use, `checked` ids ticked. */
  function drawMore(checked) {
    const others = state.accounts.filter((a) => a.id !== accountSelect.value);
    replace(
      moreBoxes,
      others.length
        ? others.map((a) => h("label", { class: "checkbox" }, h("input", { type: "checkbox", name: "scope-account", value: a.id, checked: checked.includes(a.id), onchange: updateMore }), `${a.name}${a.accountId ? ` (${a.accountId})` : ""}`))
        : h("p", { class: "muted small" }, "No other account is available to you."),
    );
    updateMore();
  }
  function updateMore() {
    const n = extraAccounts().length;
    moreSummary.textContent = n ? `+${n} account${n === 1 ? "" : "s"}` : "+ accounts";
    moreSummary.dataset.count = String(n);
  }

  async function exportAs(fmt) {
    exportMenu.open = false;
    const url = actions.exportUrl(fmt);
    if (!url) return;
    exportStatus.textContent = `Exporting ${fmt.toUpperCase()}…`;
    try {
      const r = await getWhenReady(url);
      const blob = await r.blob();
      const name = `${(state.source?.name || "diagram").replace(/[^\w.-]+/g, "-")}.${EXTENSIONS[fmt] || fmt}`;
      download(name, blob);
      exportStatus.textContent = `Exported ${name} (${Math.max(1, Math.round(blob.size / 1024))} KB)`;
      el.dataset.lastExport = `${fmt}:${blob.type}:${blob.size}`;
    } catch (e) {
      exportStatus.textContent = "";
      error(e.missingRoute ? "Export is not available on this server yet." : e.message);
    }
  }

  function error(text) {
    replace(message, text ? notice("error", text, h("button", { class: "btn btn-ghost btn-small", type: "button", "aria-label": "Dismiss", onclick: () => replace(message) }, icon("close"))) : null);
  }

  return {
    el,
    error,
    regions,
    account: () => state.accounts.find((a) => a.id === accountSelect.value),
    /** The accounts of the next scan: the selected one, then those checked in "+ accounts". */
    scopeAccounts() {
      const first = state.accounts.find((a) => a.id === accountSelect.value);
      return first ? [first, ...extraAccounts()] : [];
    },
    /** Shows a saved scope: its first account selected, the others checked, its regions and view. */
    setScope(scope) {
      const [first, ...rest] = scope.accounts;
      if (first && state.accounts.some((a) => a.id === first.id)) accountSelect.value = first.id;
      drawMore(rest.map((a) => a.id));
      setRegions(scope.regions);
      state.view = scope.view || "auto";
      for (const b of viewGroup.children) b.setAttribute("aria-pressed", String(b.id === `view-${state.view}`));
    },
    /** The overview/full switch is shown for diagrams of several accounts only. */
    showView(on) {
      viewGroup.hidden = !on;
    },
    setAccounts(accounts) {
      const previous = accountSelect.value || localStorage.getItem("skyplan.account");
      replace(accountSelect, accounts.length ? accounts.map((a) => h("option", { value: a.id }, `${a.name}${a.accountId ? ` (${a.accountId})` : ""}`)) : h("option", { value: "" }, "No accounts"));
      if (accounts.some((a) => a.id === previous)) accountSelect.value = previous;
      else if (accounts[0]?.region) setRegions([accounts[0].region]);
      accountSelect.disabled = !accounts.length;
      drawMore(extraAccounts().map((a) => a.id));
      updateRegions();
    },
    preselect(accountId, region) {
      if (state.accounts.some((a) => a.id === accountId)) accountSelect.value = accountId;
      if (region && REGIONS.includes(region)) setRegions([region]);
    },
    busy(on) {
      scanButton.disabled = on || !regions().length || !accountSelect.value;
      scanButton.classList.toggle("is-busy", on);
      el.setAttribute("aria-busy", String(on));
    },
    enable(on) {
      saveButton.disabled = !on;
      const summary = exportMenu.querySelector("summary");
      summary.classList.toggle("is-disabled", !on);
      summary.setAttribute("aria-disabled", String(!on));
      if (!on) exportMenu.open = false;
    },
    setBlueprint(bp, { drawnFromBlueprint = false } = {}) {
      replace(blueprintLabel, bp ? [h("span", { class: "badge" }, "Blueprint"), " ", bp.name || ""] : null);
      // A saved blueprint is drawn as saved: filter and exclude apply to live scans only.
      for (const control of [filterInput, filterForm.querySelector("button"), excludeSummary]) {
        control.toggleAttribute("disabled", drawnFromBlueprint);
        control.classList.toggle("is-disabled", drawnFromBlueprint);
      }
      filterInput.title = drawnFromBlueprint ? "Filters apply to live scans; scan the account to filter" : "";
    },
    filterError(err) {
      filterInput.setAttribute("aria-invalid", String(Boolean(err)));
      if (!err) return replace(filterError);
      const match = /position (\d+)/.exec(err.message);
      const pos = Number.isInteger(err.body?.position) ? err.body.position : match ? Number(match[1]) : null;
      const text = filterInput.value;
      replace(
        filterError,
        pos !== null && pos <= text.length
          ? h("pre", { class: "filter-caret", "aria-hidden": "true" }, `${text}\n${" ".repeat(pos)}^`)
          : null,
        h("span", {}, err.message),
      );
      filterInput.focus();
      if (pos !== null) filterInput.setSelectionRange(pos, Math.min(text.length, pos + 1));
    },
    setTypes(svg) {
      const counts = new Map();
      for (const c of svg.querySelectorAll(".component")) {
        const t = [...c.classList].find((x) => x.startsWith("type-"))?.slice(5);
        if (t) counts.set(t, (counts.get(t) || 0) + 1);
      }
      for (const t of state.exclude) if (!counts.has(t)) counts.set(t, 0);
      replace(
        excludeBoxes,
        [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([t, n]) =>
          h("label", { class: "checkbox" }, h("input", { type: "checkbox", value: t, checked: state.exclude.has(t), onchange: (e) => (e.target.checked ? state.exclude.add(t) : state.exclude.delete(t)) }), `${t}`, h("span", { class: "muted" }, n ? ` (${n})` : " (hidden)")),
        ),
      );
      excludeSummary.textContent = state.exclude.size ? `Excluded: ${state.exclude.size}` : "Exclude types";
    },
  };
}
