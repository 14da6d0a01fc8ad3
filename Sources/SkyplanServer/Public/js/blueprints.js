// Skyplan web UI: Blueprints — open, rename, delete; versions and the diff between two of them.
import { api, del, get } from "./api.js";
import { confirmDialog, formatDate, h, icon, notice, replace, toast } from "./dom.js";

/** Renders the Blueprints page. */
export async function renderBlueprints(main) {
  const body = h("div", {}, h("p", { class: "loading" }, "Loading…"));
  const message = h("div", { role: "alert" });
  main.append(h("div", { class: "page" }, h("div", { class: "page-head" }, h("div", {}, h("h1", {}, "Blueprints"), h("p", { class: "muted" }, "Saved diagrams: layout, configuration and ARNs; live values are fetched when you open one."))), message, body));

  async function load() {
    let list;
    try {
      list = (await get("blueprint")).blueprints || [];
    } catch (e) {
      replace(body, notice(e.missingRoute ? "info" : "error", e.missingRoute ? "Blueprints are not available on this server yet." : e.message));
      return;
    }
    list.sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)));
    replace(
      body,
      list.length
        ? h(
            "div",
            { class: "table-wrap" },
            h(
              "table",
              { class: "table", id: "blueprints-table" },
              h("thead", {}, h("tr", {}, ["Name", "Tags", "Updated", ""].map((t) => h("th", { scope: "col" }, t || h("span", { class: "visually-hidden" }, "Actions"))))),
              h(
                "tbody",
                {},
                list.map((bp) =>
                  h(
                    "tr",
                    { dataset: { blueprintId: bp.id } },
                    h("td", {}, h("a", { href: `#/diagram/blueprint/${bp.id}` }, bp.name || "Untitled")),
                    h("td", {}, (bp.tags || []).map((t) => h("span", { class: "badge" }, t))),
                    h("td", {}, formatDate(bp.updatedAt)),
                    h(
                      "td",
                      { class: "actions" },
                      h("button", { class: "btn btn-small", type: "button", onclick: () => versions(bp) }, "Versions"),
                      h("button", { class: "btn btn-ghost btn-icon", type: "button", "aria-label": `Rename ${bp.name}`, title: "Rename", onclick: () => rename(bp) }, icon("pencil")),
                      h("button", { class: "btn btn-ghost btn-icon danger", type: "button", "aria-label": `Delete ${bp.name}`, title: "Delete", onclick: () => remove(bp) }, icon("trash")),
                    ),
                  ),
                ),
              ),
            ),
          )
        : h("div", { class: "card empty" }, "No blueprints yet. Scan an account on the Diagram page and save it as a blueprint."),
    );
  }

  async function rename(bp) {
    const name = prompt("New name", bp.name || "");
    if (!name || name === bp.name) return;
    replace(message);
    try {
      const response = await api("GET", `blueprint/${bp.id}`, undefined, { as: "response" });
      const full = await response.json();
      const etag = response.headers.get("ETag");
      await api("PUT", `blueprint/${bp.id}`, { name, data: { ...full.data, name } }, { headers: etag ? { "If-Match": etag } : {} });
      toast("Renamed", "ok");
      load();
    } catch (e) {
      replace(message, notice("error", e.message));
    }
  }

  async function remove(bp) {
    if (!(await confirmDialog(`Delete ${bp.name}?`, "The blueprint and its versions are deleted for everyone it is shared with.", "Delete blueprint"))) return;
    try {
      await del(`blueprint/${bp.id}`);
      load();
    } catch (e) {
      replace(message, notice("error", e.message));
    }
  }

  async function versions(bp) {
    const out = h("div", { class: "dialog-body" }, h("p", { class: "loading" }, "Loading versions…"));
    const dialog = h("dialog", { class: "dialog", "aria-labelledby": "versions-title" }, h("div", { class: "dialog-header" }, h("h2", { id: "versions-title" }, `Versions of ${bp.name}`), h("button", { class: "btn btn-ghost btn-icon", type: "button", "aria-label": "Close", onclick: () => dialog.close() }, icon("close"))), out);
    dialog.addEventListener("close", () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
    try {
      const r = await get(`blueprint/${bp.id}/versions`);
      const list = Array.isArray(r) ? r : r.versions || [];
      if (list.length < 2) return replace(out, h("p", { class: "muted" }, list.length ? "Only one version so far." : "No versions recorded."));
      list.sort((a, b) => (b.number ?? 0) - (a.number ?? 0));
      const option = (v, i) => h("option", { value: v.number ?? v.id, selected: i }, `${v.number ? `Version ${v.number} · ` : ""}${formatDate(v.createdAt)}`);
      const from = h("select", { id: "diff-from" }, list.map((v, i) => option(v, i === 1)));
      const to = h("select", { id: "diff-to" }, list.map((v, i) => option(v, i === 0)));
      const result = h("div", { class: "diff", "aria-live": "polite" });
      const show = async () => {
        try {
          const d = await get(`blueprint/${bp.id}/diff?from=${encodeURIComponent(from.value)}&to=${encodeURIComponent(to.value)}`);
          replace(result, diffView(d));
        } catch (e) {
          replace(result, notice("error", e.message));
        }
      };
      replace(out, h("div", { class: "row" }, h("div", {}, h("label", { for: "diff-from" }, "From"), from), h("div", {}, h("label", { for: "diff-to" }, "To"), to), h("button", { class: "btn btn-primary", type: "button", onclick: show }, "Compare")), result);
    } catch (e) {
      replace(out, notice(e.missingRoute ? "info" : "error", e.missingRoute ? "Versions are not available on this server yet." : e.message));
    }
  }
  await load();
}

/** Shows a diff answer: lists of added/removed/changed entries when present, else the raw JSON. */
function diffView(d) {
  const groups = ["added", "removed", "changed"].filter((k) => Array.isArray(d?.[k]));
  if (!groups.length) return h("pre", {}, typeof d === "string" ? d : JSON.stringify(d, null, 2));
  if (groups.every((k) => !d[k].length)) return h("p", { class: "muted" }, "No component was added, removed or changed between these versions.");
  return groups.map((k) =>
    h("section", {}, h("h3", {}, `${k[0].toUpperCase()}${k.slice(1)} (${d[k].length})`), h("ul", { class: `diff-${k}` }, d[k].map((x) => h("li", {}, typeof x === "string" ? x : [h("span", { class: "badge" }, x.type || "component"), " ", x.name || x.key || x.id, x.fields?.length ? h("span", { class: "muted" }, ` — ${x.fields.join(", ")}`) : null])))),
  );
}
