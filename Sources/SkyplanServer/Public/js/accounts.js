// Skyplan web UI: the "User → AWS accounts" modal — list, add (step-by-step role set-up), edit, remove.
import { ApiError, del, get, post, put } from "./api.js";
import { session } from "./app.js";
import { confirmDialog, h, icon, notice, replace } from "./dom.js";
import { accountForm } from "./account-form.js";

/** Opens the modal; `changed()` runs after an account is added, edited or removed. */
export function openAccountsDialog(changed) {
  const body = h("div", { class: "dialog-body" });
  const title = h("h2", { id: "accounts-title" }, "AWS accounts");
  const dialog = h(
    "dialog",
    { class: "dialog", id: "accounts-dialog", "aria-labelledby": "accounts-title" },
    h("div", { class: "dialog-header" }, title, h("button", { class: "btn btn-ghost btn-icon", type: "button", "aria-label": "Close", id: "accounts-close", onclick: () => dialog.close() }, icon("close"))),
    body,
  );
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  let teams = [];

  async function showList(flash) {
    title.textContent = "AWS accounts";
    replace(body, h("p", { class: "loading" }, "Loading accounts…"));
    let accounts;
    try {
      [accounts, teams] = await Promise.all([get("aws/account").then((r) => r.accounts || []), get("team").catch(() => [])]);
    } catch (e) {
      replace(body, notice("error", e.message));
      return;
    }
    const teamName = (ref) => teams.find((t) => `team/${t.id}` === ref)?.name || "a team";
    const sharing = (a) => {
      const refs = [...new Set([...(a.readAccess || []), ...(a.writeAccess || [])])];
      return refs.length ? refs.map((r) => h("span", { class: "badge" }, teamName(r), (a.writeAccess || []).includes(r) ? " · manage" : "")) : h("span", { class: "muted" }, "Only you");
    };
    const rows = accounts.map((a) =>
      h(
        "tr",
        { dataset: { accountId: a.id } },
        h("td", {}, h("strong", {}, a.name), a.check?.status === "failed" ? h("div", { class: "small", style: { color: "var(--danger)" } }, "Access failed: ", a.check.message || "the role cannot be assumed") : null),
        h("td", { class: "mono" }, a.accountId || a.roleArn?.split(":")[4] || ""),
        h("td", { class: "mono small" }, a.roleArn),
        h("td", {}, sharing(a)),
        h(
          "td",
          { class: "actions" },
          session.isAdmin
            ? [
                h("button", { class: "btn btn-ghost btn-icon", type: "button", title: `Edit ${a.name}`, "aria-label": `Edit ${a.name}`, dataset: { action: "edit" }, onclick: () => showForm(a) }, icon("pencil")),
                h("button", { class: "btn btn-ghost btn-icon danger", type: "button", title: `Remove ${a.name}`, "aria-label": `Remove ${a.name}`, dataset: { action: "remove" }, onclick: () => remove(a) }, icon("trash")),
              ]
            : null,
        ),
      ),
    );
    replace(
      body,
      flash || null,
      h(
        "div",
        { class: "page-head" },
        h("p", { class: "muted" }, session.isAdmin ? "Skyplan reads these accounts through a read-only IAM role in each. Add as many as you need." : "The accounts shared with your teams. Owners and admins of Skyplan connect and share accounts."),
        session.isAdmin
          ? h(
              "div",
              { class: "head-actions" },
              h("button", { class: "btn", type: "button", id: "import-organization", onclick: () => showOrganization() }, "Import an AWS Organization"),
              h("button", { class: "btn btn-primary", type: "button", id: "add-account", onclick: () => showForm(null) }, icon("plus"), "Add AWS Account"),
            )
          : null,
      ),
      accounts.length
        ? h(
            "div",
            { class: "table-wrap" },
            h(
              "table",
              { class: "table", id: "accounts-table" },
              h("thead", {}, h("tr", {}, ["Name", "Account ID", "Role ARN", "Team access", ""].map((t) => h("th", { scope: "col" }, t || h("span", { class: "visually-hidden" }, "Actions"))))),
              h("tbody", {}, rows),
            ),
          )
        : h("div", { class: "empty" }, session.isAdmin ? "No AWS account is connected yet. Add one to draw its diagram." : "No AWS account is shared with you yet."),
    );
    (body.querySelector("#add-account") || dialog.querySelector("#accounts-close")).focus();
  }

  function showForm(account) {
    title.textContent = account ? `Edit ${account.name}` : "Add AWS Account";
    replace(
      body,
      accountForm({
        account,
        teams,
        cancel: () => showList(),
        save: async (input) => {
          const saved = account ? await put(`aws/account/${account.id}`, input) : await post("aws/account", input);
          changed?.();
          showList(notice("ok", account ? `Saved ${saved.name}.` : `Connected ${saved.name}. Pick it on the diagram page and scan.`));
        },
      }),
    );
    body.querySelector("input, a, button").focus();
  }

  async function showOrganization() {
    const { organizationForm } = await import("./organization.js");
    title.textContent = "Import an AWS Organization";
    replace(body, organizationForm({ teams, done: () => changed?.(), cancel: () => showList() }));
    body.querySelector("button, input").focus();
  }

  async function remove(account) {
    const ok = await confirmDialog(`Remove ${account.name}?`, `Skyplan stops reading ${account.accountId || "this account"}. Blueprints already saved stay. The IAM role in AWS is not deleted; delete it there if no longer needed.`, "Remove account");
    if (!ok) return;
    try {
      await del(`aws/account/${account.id}`);
      changed?.();
      showList(notice("ok", `Removed ${account.name}.`));
    } catch (e) {
      showList(notice("error", e instanceof ApiError ? e.message : String(e)));
    }
  }

  showList();
}
