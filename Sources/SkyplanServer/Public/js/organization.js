// Skyplan web UI: connect every member account of an AWS Organization in one step
// (POST /aws/organization/import), with the StackSet that puts the role in each member account.
import { get, post } from "./api.js";
import { session } from "./app.js";
import { copyButton, download, h, icon, notice, replace } from "./dom.js";
import { cloudFormationTemplate } from "./iam.js";
import { teamAccess } from "./account-form.js";

const STATUS = { connected: "badge-ok", already_connected: "", skipped: "badge-warn", failed: "badge-error" };

/** The import form; `done()` runs after accounts were connected, `cancel()` goes back. */
export function organizationForm({ teams, done, cancel }) {
  const management = h("input", { id: "org-management-arn", type: "text", required: true, spellcheck: "false", placeholder: "arn:aws:iam::111122223333:role/skyplan" });
  const roleName = h("input", { id: "org-role-name", type: "text", required: true, value: "skyplan", spellcheck: "false" });
  const access = teamAccess(teams, null);
  const result = h("div", { id: "org-result", "aria-live": "polite" });
  const submit = h("button", { class: "btn btn-primary", type: "submit", id: "org-import" }, "Connect member accounts");
  const commands = (externalId, accountId) =>
    [
      "aws cloudformation create-stack-set --stack-set-name skyplan-role \\",
      "  --template-body file://skyplan-role.cfn.json --capabilities CAPABILITY_NAMED_IAM \\",
      "  --permission-model SERVICE_MANAGED --auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false",
      "aws cloudformation create-stack-instances --stack-set-name skyplan-role \\",
      "  --deployment-targets OrganizationalUnitIds=<root or OU id> --regions us-east-1",
      `# trusts account ${accountId} with external ID ${externalId}`,
    ].join("\n");
  const steps = h("ol", { class: "steps" }, h("li", {}, h("p", { class: "muted" }, "Loading Skyplan's AWS parameters…")));
  get("aws/account/iamParameters")
    .then((p) => {
      const text = commands(p.externalId, p.accountId);
      replace(
        steps,
        h("li", {}, h("strong", {}, "Put the role in every member account with a StackSet."), h("p", { class: "muted" }, "From the management account (or a delegated administrator), deploy Skyplan's template to the organization root or the OUs to draw:"),
          h("div", { class: "row" }, h("button", { class: "btn btn-small", type: "button", id: "org-template", onclick: () => download("skyplan-role.cfn.json", cloudFormationTemplate(p.accountId, p.externalId), "application/json") }, icon("download"), "CloudFormation template"), copyButton(text, "Copy the commands")),
          h("pre", { id: "org-commands" }, text)),
        h("li", {}, h("strong", {}, "Create the same role in the management account."), h("p", { class: "muted" }, "StackSets do not deploy to the management account; create the role there by hand (Add AWS Account shows how). Skyplan reads the member list through it.")),
        h("li", {}, h("strong", {}, "Connect them all."), h("p", { class: "muted" }, "Skyplan lists the organization's accounts and checks the role in each, like a single account.")),
      );
    })
    .catch((e) => replace(steps, h("li", {}, notice("warn", e.message))));
  const form = h(
    "form",
    { class: "org-form", novalidate: true },
    h("section", { class: "setup", "aria-label": "Set up the role across the organization" }, steps),
    h(
      "fieldset",
      { class: "card" },
      h("legend", { class: "visually-hidden" }, "Organization"),
      h("label", { for: "org-management-arn" }, "Management account role ARN"),
      management,
      h("p", { class: "hint" }, "The Skyplan role in the organization's management account: it lists the member accounts."),
      h("label", { for: "org-role-name" }, "Role name in the member accounts"),
      roleName,
      h("h3", { id: "team-access-title" }, "Team access"),
      access.el,
      result,
      h("div", { class: "dialog-actions" }, h("button", { class: "btn", type: "button", onclick: cancel }, "Back"), submit),
    ),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    replace(result);
    if (!management.value.trim() || !roleName.value.trim()) {
      result.append(notice("error", "Give the management account's role ARN and the member role's name."));
      return (management.value.trim() ? roleName : management).focus();
    }
    submit.disabled = true;
    submit.textContent = "Checking every member account…";
    try {
      const r = await post("aws/organization/import", { managementRoleArn: management.value.trim(), roleName: roleName.value.trim(), ...access.value() });
      const rows = r.results || [];
      const connected = rows.filter((x) => x.status === "connected").length;
      replace(
        result,
        rows.length
          ? notice(connected ? "ok" : "warn", `${connected} of ${rows.length} member account${rows.length === 1 ? "" : "s"} connected.`)
          : notice("warn", "The organization lists no member accounts. Is the role in the management account (or a delegated administrator)?"),
        rows.length === 0 ? null : h("table", { class: "table" }, h("thead", {}, h("tr", {}, ["Account", "Name", "Result", "Detail"].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, rows.map((x) => h("tr", {}, h("td", { class: "mono" }, x.accountId), h("td", {}, x.name), h("td", {}, h("span", { class: `badge ${STATUS[x.status] || ""}` }, x.status.replace("_", " "))), h("td", { class: "small" }, x.message || ""))))),
      );
      if (connected) done?.();
    } catch (err) {
      result.append(notice("error", err.missingRoute ? "Importing an organization is not available on this server yet." : err.message));
    } finally {
      submit.disabled = false;
      submit.textContent = "Connect member accounts";
    }
  });
  return session.isAdmin ? form : notice("info", "Owners and admins connect organizations.");
}
