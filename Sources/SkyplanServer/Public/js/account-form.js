// Skyplan web UI: the add/edit form of an AWS account, with the step-by-step role set-up for new ones.
import { get } from "./api.js";
import { session } from "./app.js";
import { copyButton, download, h, icon, notice, replace } from "./dom.js";
import { cloudFormationTemplate, consoleUrl } from "./iam.js";

const ARN = /^arn:aws(-cn|-us-gov|-iso|-iso-b)?:iam::\d{12}:role\/[\w+=,.@\/-]+$/;

/** The form; `save(input)` throws ApiError on a server refusal (shown in place). */
export function accountForm({ account, teams, save, cancel }) {
  const roleArn = h("input", { id: "account-role-arn", name: "roleArn", type: "text", required: true, spellcheck: "false", autocomplete: "off", placeholder: "arn:aws:iam::123456789012:role/skyplan", value: account?.roleArn || "", "aria-describedby": "role-arn-hint" });
  const name = h("input", { id: "account-name", name: "name", type: "text", required: true, maxlength: 255, placeholder: "Production", value: account?.name || "" });
  const error = h("div", { class: "form-error", id: "account-error" });
  const submit = h("button", { class: "btn btn-primary", type: "submit", id: "account-save" }, account ? "Save changes" : "Save Account");
  const access = teamAccess(teams, account);
  const form = h(
    "form",
    { class: "account-form", novalidate: true },
    account ? null : setupSteps(),
    h(
      "fieldset",
      { class: "card" },
      h("legend", { class: "visually-hidden" }, "Account"),
      h("label", { for: "account-role-arn" }, "Role ARN"),
      roleArn,
      h("p", { class: "hint", id: "role-arn-hint" }, "From the role's summary page in the IAM console, e.g. arn:aws:iam::123456789012:role/skyplan."),
      h("label", { for: "account-name" }, "Account name"),
      name,
      h("p", { class: "hint" }, "How the account appears in Skyplan, e.g. Production."),
      h("h3", { id: "team-access-title" }, "Team access"),
      access.el,
      error,
      h("div", { class: "dialog-actions" }, h("button", { class: "btn", type: "button", onclick: cancel }, "Cancel"), submit),
    ),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    replace(error);
    roleArn.removeAttribute("aria-invalid");
    name.removeAttribute("aria-invalid");
    const arn = roleArn.value.trim();
    if (!name.value.trim()) {
      name.setAttribute("aria-invalid", "true");
      error.append(notice("error", "Give the account a name."));
      return name.focus();
    }
    if (!arn) {
      roleArn.setAttribute("aria-invalid", "true");
      error.append(notice("error", "Paste the Role ARN of the role you created."));
      return roleArn.focus();
    }
    submit.disabled = true;
    submit.textContent = "Checking the role…";
    try {
      await save({ name: name.value.trim(), roleArn: arn, ...access.value() });
    } catch (err) {
      // The server's message says what to check (ARN shape, trust policy, external ID...).
      if (!ARN.test(arn) || /arn|role/i.test(err.message)) roleArn.setAttribute("aria-invalid", "true");
      error.append(notice("error", err.message));
      error.scrollIntoView({ block: "nearest" });
    } finally {
      submit.disabled = false;
      submit.textContent = account ? "Save changes" : "Save Account";
    }
  });
  return form;
}

/** Per-team access: none, use (readAccess) or use and manage (writeAccess). */
export function teamAccess(teams, account) {
  if (!teams.length) {
    return { el: h("p", { class: "hint" }, "Only you (and owners) can use this account. Create teams on the Teams page to share it."), value: () => ({}) };
  }
  const selects = teams.map((t) => {
    const ref = `team/${t.id}`;
    const current = (account?.writeAccess || []).includes(ref) ? "write" : (account?.readAccess || []).includes(ref) ? "read" : "none";
    return [
      ref,
      h(
        "select",
        { id: `team-access-${t.id}`, dataset: { team: t.name } },
        h("option", { value: "none", selected: current === "none" }, "No access"),
        h("option", { value: "read", selected: current === "read" }, "Can use (scan, view)"),
        h("option", { value: "write", selected: current === "write" }, "Can use and manage"),
      ),
      t,
    ];
  });
  return {
    el: h(
      "div",
      { class: "team-access", role: "group", "aria-labelledby": "team-access-title" },
      selects.map(([, select, t]) => [h("label", { for: select.id }, t.name), select]),
    ),
    value: () => ({
      readAccess: selects.filter(([, s]) => s.value === "read").map(([ref]) => ref),
      writeAccess: selects.filter(([, s]) => s.value === "write").map(([ref]) => ref),
    }),
  };
}

/** Steps 1-5: open the console pre-filled, MFA off, policy, role name, copy the ARN. */
function setupSteps() {
  const params = h("div", { class: "iam-params" }, h("p", { class: "muted" }, "Loading Skyplan's AWS parameters…"));
  const link = h("a", { class: "btn btn-primary", id: "iam-console-link", target: "_blank", rel: "noopener noreferrer", href: "#", "aria-disabled": "true" }, "Open the AWS IAM Console to the Create Role page", icon("external"));
  const policyBox = h("div", { class: "policy-choice" });
  const steps = h(
    "ol",
    { class: "steps" },
    h("li", {}, h("strong", {}, "Open the IAM console on the Create Role page."), h("p", { class: "muted" }, "Sign in to the AWS account you want to draw. The link fills in Skyplan's AWS account ID and your external ID."), link, params),
    h("li", {}, h("strong", {}, "Leave “Require MFA” unchecked."), h("p", { class: "muted" }, "Skyplan's server assumes the role on its own, so nobody could enter an MFA code. Access is protected by your external ID instead: only Skyplan, acting for you, can use the role.")),
    h("li", {}, h("strong", {}, "Attach the ReadOnlyAccess policy."), h("p", { class: "muted" }, "The link pre-selects AWS's managed ReadOnlyAccess. To grant less, attach Skyplan's minimal policy instead (exactly the read calls Skyplan makes)."), policyBox),
    h("li", {}, h("strong", {}, "Name the role."), h("p", { class: "muted" }, "For example “skyplan”, then create it.")),
    h("li", {}, h("strong", {}, "Copy the role's ARN."), h("p", { class: "muted" }, "Open the new role and copy its ARN from the summary; paste it below.")),
  );
  const note = notice("info", h("strong", {}, "No IAM rights in that account? "), "Ask an administrator of the AWS account to create the role with the parameters above (or to deploy the CloudFormation template), and to send you its Role ARN.");
  loadParameters(params, link, policyBox);
  return h("section", { class: "setup", "aria-label": "Set up the role in AWS" }, steps, note);
}

async function loadParameters(params, link, policyBox) {
  let p = null;
  try {
    p = await get("aws/account/iamParameters");
  } catch (e) {
    p = { externalId: session.user?.externalId, unavailable: e.missingRoute ? "Skyplan's AWS parameters are not available on this server yet." : e.message };
  }
  const url = p.awsConsoleUrl || (p.accountId && p.externalId ? consoleUrl(p.accountId, p.externalId) : null);
  if (url) {
    link.href = url;
    link.removeAttribute("aria-disabled");
  } else {
    link.classList.add("is-disabled");
  }
  replace(
    params,
    p.unavailable ? notice("warn", p.unavailable) : null,
    h(
      "dl",
      { class: "kv" },
      p.accountId ? [h("dt", {}, "Skyplan's account ID"), h("dd", { id: "iam-account-id" }, p.accountId), copyButton(p.accountId, "Copy the account ID")] : null,
      p.externalId ? [h("dt", {}, "Your external ID"), h("dd", { id: "iam-external-id" }, p.externalId), copyButton(p.externalId, "Copy the external ID")] : null,
    ),
  );
  const policyButton = (kind, text) =>
    h("button", {
      class: "btn btn-small", type: "button", id: `policy-${kind}`,
      onclick: async (e) => {
        const button = e.currentTarget;
        try {
          const policy = await get(`aws/account/iamParameters/policy/${kind}`);
          download(`skyplan-${kind}-policy.json`, JSON.stringify(policy, null, 2), "application/json");
        } catch (err) {
          button.after(notice("error", err.missingRoute ? "This policy is not available on this server yet." : err.message));
        }
      },
    }, icon("download"), text);
  replace(
    policyBox,
    h("div", { class: "row" },
      policyButton("minimal", "Minimal policy (JSON)"),
      policyButton("custom", "Service-level read-only policy (JSON)"),
      p.accountId && p.externalId
        ? h("button", { class: "btn btn-small", type: "button", id: "cfn-template", onclick: () => download("skyplan-role.cfn.json", cloudFormationTemplate(p.accountId, p.externalId), "application/json") }, icon("download"), "CloudFormation template")
        : null,
    ),
  );
}
