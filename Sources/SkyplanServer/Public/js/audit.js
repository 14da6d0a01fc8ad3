// Skyplan web UI: the audit log (owners and admins).
import { get } from "./api.js";
import { formatDate, h, notice, replace } from "./dom.js";

/** Renders the audit log page, with a text filter over action and detail. */
export async function renderAudit(main) {
  const body = h("div", {}, h("p", { class: "loading" }, "Loading…"));
  const filter = h("input", { id: "audit-filter", type: "search", placeholder: "Filter by action or detail" });
  main.append(
    h(
      "div",
      { class: "page" },
      h("div", { class: "page-head" }, h("div", {}, h("h1", {}, "Audit log"), h("p", { class: "muted" }, "Who connected, shared or removed accounts, changed teams and made or revoked keys.")), h("div", { style: { width: "280px" } }, h("label", { for: "audit-filter", class: "visually-hidden" }, "Filter the audit log"), filter)),
      body,
    ),
  );
  let events = [];
  let users = new Map();
  try {
    const [e, u] = await Promise.all([get("audit?limit=500"), get("user").catch(() => ({ users: [] }))]);
    events = e.events || [];
    users = new Map((u.users || []).map((x) => [x.id, x.email]));
  } catch (e) {
    replace(body, notice("error", e.message));
    return;
  }
  const draw = () => {
    const q = filter.value.trim().toLowerCase();
    const shown = events.filter((e) => !q || `${e.action} ${e.detail} ${users.get(e.actorId) || ""}`.toLowerCase().includes(q));
    replace(
      body,
      shown.length
        ? h(
            "div",
            { class: "table-wrap" },
            h(
              "table",
              { class: "table", id: "audit-table" },
              h("thead", {}, h("tr", {}, ["When", "Who", "Action", "Target", "Detail"].map((t) => h("th", { scope: "col" }, t)))),
              h("tbody", {}, shown.map((e) => h("tr", {}, h("td", { class: "nowrap" }, formatDate(e.at)), h("td", {}, users.get(e.actorId) || e.actorId || "system"), h("td", {}, h("span", { class: "badge" }, e.action)), h("td", { class: "small" }, e.targetType), h("td", { class: "small" }, e.detail)))),
            ),
          )
        : h("div", { class: "card empty" }, q ? "No event matches the filter." : "Nothing recorded yet."),
    );
  };
  filter.oninput = draw;
  draw();
}
