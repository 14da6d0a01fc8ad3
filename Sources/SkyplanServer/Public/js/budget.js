// Skyplan web UI: the budget panel of a blueprint (GET /blueprint/{id}/budget/{json|csv|xlsx}).
import { ApiError, api, getWhenReady, query } from "./api.js";
import { download, h, notice, replace } from "./dom.js";

const CURRENCIES = ["USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "SEK", "NOK", "DKK", "INR", "BRL"];
const PERIODS = { h: "per hour", d: "per day", w: "per week", m: "per month", y: "per year" };
const LEVELS = { service: "Service", vpc: "VPC", subnet: "Subnet", region: "Region", account: "Account" };

/** Renders the budget of blueprint `blueprintId` into `host` (or explains how to get one). */
export function renderBudget(host, { blueprintId, onSaveRequest, onNodeChange, names = new Map() }) {
  const prefs = JSON.parse(localStorage.getItem("skyplan.budget") || "{}");
  const currency = h("select", { id: "budget-currency" }, CURRENCIES.map((c) => h("option", { value: c, selected: c === (prefs.currency || "USD") }, c)));
  const period = h("select", { id: "budget-period" }, Object.entries(PERIODS).map(([k, v]) => h("option", { value: k, selected: k === (prefs.period || "m") }, v)));
  const level = h("select", { id: "budget-level" }, Object.entries(LEVELS).map(([k, v]) => h("option", { value: k }, `By ${v.toLowerCase()}`)));
  const body = h("div", { class: "budget-body", "aria-live": "polite" });
  if (!blueprintId) {
    replace(
      host,
      h("h2", {}, "Budget"),
      h("p", { class: "muted" }, "Budgets are computed for saved diagrams: the monthly cost of each component from AWS list prices, rolled up per service, subnet, VPC, region and account."),
      onSaveRequest ? h("button", { class: "btn btn-primary", type: "button", id: "budget-save", onclick: onSaveRequest }, "Save as blueprint and show the budget") : null,
    );
    return;
  }
  const params = () => ({ currency: currency.value, period: period.value });
  // The JSON asks for the actual cost too: the connected account holding the diagram's resources (`auto`).
  const jsonParams = () => ({ ...params(), account: "auto" });
  const fileButton = (fmt, label) =>
    h("button", {
      class: "btn btn-small",
      type: "button",
      id: `budget-${fmt}`,
      onclick: async (e) => {
        e.currentTarget.disabled = true;
        try {
          const r = await getWhenReady(`blueprint/${blueprintId}/budget/${fmt}${query(params())}`);
          download(`budget-${blueprintId.slice(0, 8)}.${fmt}`, await r.blob());
        } catch (err) {
          body.prepend(notice("error", err.message));
        } finally {
          e.target.closest("button").disabled = false;
        }
      },
    }, label);
  const files = h("div", { class: "budget-files" }, fileButton("csv", "Download CSV"), fileButton("xlsx", "Download XLSX"));
  let report = null;
  const load = async () => {
    localStorage.setItem("skyplan.budget", JSON.stringify(params()));
    replace(body, h("p", { class: "muted" }, "Computing the budget…"));
    try {
      const r = await getWhenReady(`blueprint/${blueprintId}/budget/json${query(jsonParams())}`);
      report = await r.json();
      draw();
    } catch (err) {
      const message = err instanceof ApiError && err.missingRoute ? "Budgets are not available on this server yet." : err.message;
      replace(body, notice(err.missingRoute ? "info" : "error", message));
      files.hidden = Boolean(err.missingRoute);
    }
  };
  const draw = () => {
    const fmt = new Intl.NumberFormat(undefined, { style: "currency", currency: report.currency || currency.value, maximumFractionDigits: 2 });
    const rows = (report.rollups?.[level.value] || []).slice().sort((a, b) => b.monthlyCost - a.monthlyCost || a.key.localeCompare(b.key));
    const unpriced = (report.components || []).filter((c) => c.cost === null || c.cost === undefined);
    const assumptions = (report.components || []).flatMap((c) => (c.lines || []).filter((l) => l.assumption).map((l) => ({ c, l })));
    // Where each price came from and as of when (a line's priceSource/priceAsOf), and why a line has none.
    const sources = new Map();
    const missing = [];
    for (const c of report.components || []) {
      for (const l of c.lines || []) {
        if (l.priceSource) {
          const k = `${l.priceSource}, as of ${l.priceAsOf}`;
          sources.set(k, (sources.get(k) || 0) + 1);
        } else if (l.unitPrice === null || l.unitPrice === undefined) missing.push({ c, l });
      }
    }
    replace(
      body,
      h(
        "div",
        { class: "budget-total" },
        h("span", { class: "muted" }, `Total ${PERIODS[report.period] || PERIODS[period.value]}`),
        h("strong", { id: "budget-total" }, fmt.format(report.total || 0)),
        unpriced.length ? h("span", { class: "badge badge-warn" }, "lower bound") : null,
      ),
      unpriced.length
        ? notice("warn", h("strong", {}, `${unpriced.length} component${unpriced.length === 1 ? " has" : "s have"} no known price`), `, so the total leaves ${unpriced.length === 1 ? "it" : "them"} out: `, unpriced.map((c) => c.name || c.type).join(", "), ".")
        : null,
      h(
        "table",
        { class: "table budget-table" },
        h("caption", { class: "visually-hidden" }, `Cost ${LEVELS[level.value].toLowerCase()} by ${LEVELS[level.value].toLowerCase()}`),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, LEVELS[level.value]), h("th", { scope: "col", class: "num" }, "Items"), h("th", { scope: "col", class: "num" }, "Cost"))),
        h(
          "tbody",
          {},
          rows.map((row) =>
            h(
              "tr",
              {},
              h("td", {}, names.get(row.key) || row.key, row.unpricedLineCount ? h("span", { class: "badge badge-warn", title: "Some items are unpriced" }, "≥") : null),
              h("td", { class: "num" }, row.componentCount),
              h("td", { class: "num" }, fmt.format(row.monthlyCost)),
            ),
          ),
        ),
      ),
      assumptions.length
        ? h(
            "details",
            { class: "assumptions" },
            h("summary", {}, `${assumptions.length} assumption${assumptions.length === 1 ? "" : "s"} used`),
            h("ul", {}, assumptions.slice(0, 200).map(({ c, l }) => h("li", {}, h("strong", {}, c.name || c.type), `: ${l.item} — ${l.quantity} ${l.unit} (${l.quantitySource})${l.note ? `; ${l.note}` : ""}`))),
          )
        : null,
      sources.size
        ? h(
            "details",
            { class: "price-sources", id: "budget-price-sources" },
            h("summary", {}, `Prices from ${sources.size} source${sources.size === 1 ? "" : "s"}`),
            h("ul", {}, [...sources.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 50).map(([k, n]) => h("li", {}, `${k} — ${n} line${n === 1 ? "" : "s"}`))),
          )
        : null,
      missing.length
        ? h(
            "details",
            { class: "unpriced-lines", id: "budget-unpriced-lines" },
            h("summary", {}, `${missing.length} unpriced line${missing.length === 1 ? "" : "s"}: why`),
            h("ul", {}, missing.slice(0, 200).map(({ c, l }) => h("li", {}, h("strong", {}, c.name || c.type), `: ${l.item} — ${l.note}`))),
          )
        : null,
      usageEditor(report, async (componentId, key, value) => {
        await saveNodeValue(blueprintId, componentId, key, value);
        onNodeChange?.(componentId, key, value);
        await load();
      }),
      comparison(report, fmt),
      report.exchangeRatesAsOf ? h("p", { class: "muted small" }, `Exchange rates as of ${report.exchangeRatesAsOf}. Prices: ${report.bookVersion || "bundled price book"}.`) : null,
    );
  };
  currency.onchange = load;
  period.onchange = load;
  level.onchange = () => report && draw();
  replace(
    host,
    h("h2", {}, "Budget"),
    h(
      "div",
      { class: "budget-controls" },
      h("label", { for: "budget-currency", class: "visually-hidden" }, "Currency"),
      currency,
      h("label", { for: "budget-period", class: "visually-hidden" }, "Period"),
      period,
      h("label", { for: "budget-level", class: "visually-hidden" }, "Group by"),
      level,
    ),
    body,
    files,
  );
  load();
}

const USAGE_UNITS = {
  mRequests: "million requests a month", computeDuration: "seconds a call", memory: "MB", dataGb: "GB",
  datasetGb: "GB stored", storage: "GB", volume: "GB", iops: "IOPS", getAndOtherRequests: "thousand GETs a month",
  putCopyPostRequests: "thousand PUTs a month", requests: "million a month", apiCalls: "million a month",
};

/** Usage each component is priced with, editable: an assumed value (flagged) or the node's own; a change is
 * saved on the blueprint's node (Cloudcraft's field names) and the budget is computed again. */
function usageEditor(report, save) {
  const editable = [];
  for (const c of report.components || []) {
    const fields = new Map();
    for (const l of c.lines || []) {
      if (l.usageKey && !fields.has(l.usageKey)) fields.set(l.usageKey, { value: l.usageValue, assumed: l.assumption });
    }
    if (fields.size) editable.push({ c, fields });
  }
  if (!editable.length) return null;
  const assumed = editable.reduce((n, e) => n + [...e.fields.values()].filter((f) => f.assumed).length, 0);
  return h(
    "details",
    { class: "usage-editor", id: "budget-usage", open: sessionStorage.getItem("skyplan.usage.open") === "1" },
    h("summary", { onclick: (e) => sessionStorage.setItem("skyplan.usage.open", e.currentTarget.parentElement.open ? "0" : "1") }, `Usage: ${assumed} assumed value${assumed === 1 ? "" : "s"} — change them per component`),
    h(
      "ul",
      {},
      editable.slice(0, 200).map(({ c, fields }) =>
        h(
          "li",
          {},
          h("strong", {}, c.name || c.type),
          [...fields.entries()].map(([key, f]) => {
            const input = h("input", { type: "number", min: "0", step: "any", value: String(f.value ?? ""), class: "usage-input", "data-component": c.id, "data-component-name": c.name || "", "data-key": key, "aria-label": `${c.name || c.type} ${key}` });
            input.onchange = async () => {
              const value = Number(input.value);
              if (!Number.isFinite(value) || value < 0 || input.value === "") {
                input.setAttribute("aria-invalid", "true");
                return;
              }
              input.disabled = true;
              try {
                await save(c.id, key, value);
              } catch (err) {
                input.disabled = false;
                input.after(notice("error", err.message));
              }
            };
            return h("label", { class: "usage-field" }, ` ${key} `, input, ` ${USAGE_UNITS[key] || ""}`, f.assumed ? h("span", { class: "badge badge-warn", title: "A documented default: the node does not say" }, "assumed") : null);
          }),
        ),
      ),
    ),
  );
}

/** Sets `key` = `value` on node `componentId` of the blueprint (If-Match its current version). */
async function saveNodeValue(blueprintId, componentId, key, value) {
  const response = await api("GET", `blueprint/${blueprintId}`, undefined, { as: "response" });
  const etag = response.headers.get("ETag");
  const full = await response.json();
  const node = (full.data?.nodes || []).find((n) => n.id === componentId || n.arn === componentId);
  if (!node) throw new Error(`component ${componentId} is not a node of this blueprint`);
  node[key] = value;
  await api("PUT", `blueprint/${blueprintId}`, { name: full.name, data: full.data }, { headers: etag ? { "If-Match": etag } : {} });
}

const FLAGS = { over: "actual above the estimate", under: "actual below the estimate", missing: "billed, not in the diagram", close: "" };

/** The estimate beside the account's actual cost of its last full month (`report.actual`), per service and per
 * Name tag; differences past a fifth (and a dollar) are highlighted. Nothing when it was not available. */
function comparison(report, fmt) {
  if (report.actualUnavailable) return h("p", { class: "muted small", id: "budget-actual-unavailable" }, `Actual cost: ${report.actualUnavailable}`);
  const a = report.actual;
  if (!a) return null;
  const signed = (v) => (v > 0 ? "+" : "") + fmt.format(v);
  const table = (rows, label, id) =>
    h(
      "table",
      { class: "table budget-table actual-table", id },
      h("caption", { class: "visually-hidden" }, `Estimate and actual cost by ${label.toLowerCase()}`),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, label), h("th", { scope: "col", class: "num" }, "Estimate"), h("th", { scope: "col", class: "num" }, "Actual"), h("th", { scope: "col", class: "num" }, "Difference"))),
      h(
        "tbody",
        {},
        rows
          .slice()
          .sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference) || x.key.localeCompare(y.key))
          .map((r) =>
            h(
              "tr",
              { class: `diff-${r.flag}`, "data-key": r.key },
              h("td", {}, r.key || "(untagged)"),
              h("td", { class: "num" }, r.estimate === null || r.estimate === undefined ? "—" : fmt.format(r.estimate)),
              h("td", { class: "num" }, fmt.format(r.actual)),
              h("td", { class: "num diff", title: FLAGS[r.flag] || "" }, signed(r.difference)),
            ),
          ),
      ),
    );
  return h(
    "section",
    { class: "budget-actual", id: "budget-actual" },
    h("h3", {}, `Estimate vs actual, ${a.month}`),
    h(
      "p",
      { class: "muted small" },
      `Actual: Cost Explorer, account ${a.accountID}, ${a.month}${a.estimated ? " (AWS may still revise it)" : ""}, in the diagram's regions. `,
      h("strong", { id: "budget-actual-total" }, fmt.format(a.actualTotal)),
      ` against an estimate of ${fmt.format(a.estimateTotal)} (${signed(a.difference)}).`,
      a.otherRegionsActual > 0 ? ` Other regions: ${fmt.format(a.otherRegionsActual)}, not compared.` : "",
    ),
    table(a.services || [], "Service", "budget-actual-services"),
    a.names
      ? h("details", { class: "actual-names" }, h("summary", {}, `By Name tag (${a.names.length})`), table(a.names, "Name", "budget-actual-names"))
      : h("p", { class: "muted small" }, "The account has not activated the Name tag for cost allocation, so there is no per-name comparison."),
  );
}

/** Names for container ids in roll-ups, from the blueprint's groups (vpc-… → "prod-vpc"). */
export function containerNames(data) {
  const names = new Map();
  for (const g of data?.groups || []) {
    if (!g.name) continue;
    if (g.id) names.set(g.id, g.name);
    if (g.arn) names.set(g.arn, g.name);
    const tail = g.arn?.split("/").pop();
    if (tail) names.set(tail, g.name);
  }
  return names;
}
