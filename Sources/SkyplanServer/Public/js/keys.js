// Skyplan web UI: API keys (owners and admins). A new key is shown once.
import { del, get, post } from "./api.js";
import { confirmDialog, copyButton, formatDate, h, icon, notice, replace } from "./dom.js";

/** Renders the API keys page. */
export async function renderKeys(main) {
  const list = h("div", {});
  const message = h("div", { role: "alert" });
  const name = h("input", { id: "key-name", type: "text", placeholder: "CI pipeline", maxlength: 255 });
  const access = h("select", { id: "key-access" }, h("option", { value: "read" }, "Read"), h("option", { value: "read-write" }, "Read-write"));
  main.append(
    h(
      "div",
      { class: "page" },
      h("div", { class: "page-head" }, h("div", {}, h("h1", {}, "API keys"), h("p", { class: "muted" }, "For the REST API and Cloudcraft-compatible SDKs: send Authorization: Bearer <key>."))),
      h(
        "form",
        { class: "card row", id: "key-create", onsubmit: (e) => { e.preventDefault(); create(); } },
        h("div", {}, h("label", { for: "key-name" }, "Name"), name),
        h("div", { style: { maxWidth: "200px" } }, h("label", { for: "key-access" }, "Access"), access),
        h("button", { class: "btn btn-primary", type: "submit" }, icon("plus"), "Create key"),
      ),
      message,
      list,
    ),
  );
  async function create() {
    replace(message);
    try {
      const k = await post("apikey", { name: name.value.trim() || "API key", access: access.value });
      name.value = "";
      replace(message, notice("ok", h("strong", {}, "Copy the key now: it is not shown again. "), h("code", { id: "new-key" }, k.key), " ", copyButton(k.key, "Copy the key")));
      load();
    } catch (e) {
      replace(message, notice("error", e.message));
    }
  }
  async function load() {
    try {
      const keys = (await get("apikey")).keys || [];
      replace(
        list,
        keys.length
          ? h(
              "div",
              { class: "table-wrap" },
              h(
                "table",
                { class: "table" },
                h("thead", {}, h("tr", {}, ["Name", "Access", "Created", "Last used", "Status", ""].map((t) => h("th", { scope: "col" }, t || h("span", { class: "visually-hidden" }, "Actions"))))),
                h(
                  "tbody",
                  {},
                  keys.map((k) =>
                    h(
                      "tr",
                      {},
                      h("td", {}, k.name),
                      h("td", {}, h("span", { class: "badge" }, k.access)),
                      h("td", {}, formatDate(k.createdAt)),
                      h("td", {}, k.lastUsedAt ? formatDate(k.lastUsedAt) : h("span", { class: "muted" }, "never")),
                      h("td", {}, k.revokedAt ? h("span", { class: "badge badge-error" }, "revoked") : h("span", { class: "badge badge-ok" }, "active")),
                      h("td", { class: "actions" }, k.revokedAt ? null : h("button", { class: "btn btn-small", type: "button", "aria-label": `Revoke ${k.name}`, onclick: async () => { if (await confirmDialog(`Revoke ${k.name}?`, "Programs using this key stop working at once.", "Revoke key")) { try { await del(`apikey/${k.id}`); load(); } catch (e) { replace(message, notice("error", e.message)); } } } }, "Revoke")),
                    ),
                  ),
                ),
              ),
            )
          : h("div", { class: "card empty" }, "No API keys yet."),
      );
    } catch (e) {
      replace(list, notice("error", e.message));
    }
  }
  await load();
}
