// Skyplan web UI: Teams — everyone sees their teams; owners and admins create, rename, delete teams
// and add or remove members.
import { del, get, post, put } from "./api.js";
import { session } from "./app.js";
import { confirmDialog, formatDate, h, icon, notice, replace, toast } from "./dom.js";

/** Renders the Teams page. */
export async function renderTeams(main) {
  const list = h("div", { class: "teams", "aria-live": "polite" });
  const message = h("div", { role: "alert" });
  const name = h("input", { id: "team-name", type: "text", required: true, maxlength: 255, placeholder: "Platform" });
  main.append(
    h(
      "div",
      { class: "page" },
      h("div", { class: "page-head" }, h("div", {}, h("h1", {}, "Teams"), h("p", { class: "muted" }, "Teams share AWS accounts and blueprints with their members."))),
      session.isAdmin
        ? h(
            "form",
            { class: "card row", id: "team-create", onsubmit: (e) => { e.preventDefault(); create(); } },
            h("div", {}, h("label", { for: "team-name" }, "New team"), name),
            h("button", { class: "btn btn-primary", type: "submit" }, icon("plus"), "Create team"),
          )
        : null,
      message,
      list,
    ),
  );
  let users = [];
  if (session.isAdmin) users = (await get("user").catch(() => ({ users: [] }))).users || [];

  async function create() {
    replace(message);
    try {
      await post("team", { name: name.value.trim() });
      name.value = "";
      toast("Team created", "ok");
      load();
    } catch (e) {
      replace(message, notice("error", e.message));
    }
  }

  async function act(fn) {
    replace(message);
    try {
      await fn();
      load();
    } catch (e) {
      replace(message, notice("error", e.message));
    }
  }

  function teamCard(team) {
    const memberIds = new Set(team.members.map((m) => m.userId));
    const candidates = users.filter((u) => !memberIds.has(u.id));
    const pick = h("select", { id: `add-member-${team.id}`, "aria-label": `Add a member to ${team.name}` }, h("option", { value: "" }, "Add a member…"), candidates.map((u) => h("option", { value: u.id }, `${u.name} <${u.email}>`)));
    const role = h("select", { "aria-label": "Member role" }, h("option", { value: "member" }, "member"), h("option", { value: "admin" }, "team admin"));
    return h(
      "section",
      { class: "card", "aria-labelledby": `team-${team.id}` },
      h(
        "div",
        { class: "page-head" },
        h("div", {}, h("h2", { id: `team-${team.id}` }, team.name), h("p", { class: "muted small" }, `${team.members.length} member${team.members.length === 1 ? "" : "s"} · created ${formatDate(team.createdAt)}`)),
        session.isAdmin
          ? h(
              "div",
              {},
              h("button", { class: "btn btn-ghost btn-icon", type: "button", "aria-label": `Rename ${team.name}`, title: "Rename", onclick: () => { const n = prompt("New name", team.name); if (n) act(() => put(`team/${team.id}`, { name: n })); } }, icon("pencil")),
              h("button", { class: "btn btn-ghost btn-icon danger", type: "button", "aria-label": `Delete ${team.name}`, title: "Delete", onclick: async () => { if (await confirmDialog(`Delete ${team.name}?`, "Accounts and blueprints shared with this team stop being shared with its members.", "Delete team")) act(() => del(`team/${team.id}`)); } }, icon("trash")),
            )
          : null,
      ),
      team.members.length
        ? h(
            "table",
            { class: "table" },
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Email"), h("th", { scope: "col" }, "Role"), h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Actions")))),
            h(
              "tbody",
              {},
              team.members.map((m) =>
                h("tr", {}, h("td", {}, m.name), h("td", {}, m.email), h("td", {}, h("span", { class: "badge" }, m.role)), h("td", { class: "actions" }, session.isAdmin ? h("button", { class: "btn btn-ghost btn-small", type: "button", "aria-label": `Remove ${m.email} from ${team.name}`, onclick: () => act(() => del(`team/${team.id}/member/${m.userId}`)) }, "Remove") : null)),
              ),
            ),
          )
        : h("p", { class: "muted" }, "No members yet."),
      session.isAdmin && candidates.length
        ? h("form", { class: "row member-add", onsubmit: (e) => { e.preventDefault(); if (pick.value) act(() => put(`team/${team.id}/member/${pick.value}`, { role: role.value })); } }, pick, role, h("button", { class: "btn", type: "submit" }, "Add"))
        : null,
    );
  }

  async function load() {
    try {
      const teams = await get("team");
      replace(list, teams.length ? teams.map(teamCard) : h("div", { class: "card empty" }, session.isAdmin ? "No teams yet. Create one to share accounts and blueprints." : "You are not a member of any team yet."));
    } catch (e) {
      replace(list, notice("error", e.message));
    }
  }
  await load();
}
