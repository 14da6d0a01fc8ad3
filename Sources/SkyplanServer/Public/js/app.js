// Skyplan web UI: start-up, session, top bar and hash routing (#/diagram, #/blueprints, ...).
import { ApiError, get, post, setCsrf } from "./api.js";
import { h, replace, toast } from "./dom.js";
import { renderLogin } from "./login.js";

/** The signed-in user and what they may do; shared by every page. */
export const session = {
  user: null,
  get isAdmin() {
    return ["owner", "admin"].includes(this.user?.role);
  },
  get isOwner() {
    return this.user?.role === "owner";
  },
};

const pages = {
  diagram: () => import("./diagram.js").then((m) => m.renderDiagram),
  blueprints: () => import("./blueprints.js").then((m) => m.renderBlueprints),
  teams: () => import("./teams.js").then((m) => m.renderTeams),
  keys: () => import("./keys.js").then((m) => m.renderKeys),
  audit: () => import("./audit.js").then((m) => m.renderAudit),
};

const main = document.getElementById("main");
let cleanup = null;

async function boot() {
  try {
    const s = await get("auth/session");
    signedIn(s);
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 401 && e.status !== 403)) {
      toast(e.message, "error");
    }
    showLogin();
  }
}

/** Called with the `{user, csrfToken}` answer of sign-in or the session route. */
export function signedIn(s) {
  session.user = s.user;
  setCsrf(s.csrfToken);
  setupTopbar();
  if (!location.hash || location.hash === "#/login") location.hash = "#/diagram";
  else route();
}

function showLogin() {
  session.user = null;
  setCsrf("");
  document.getElementById("topbar").hidden = true;
  cleanup?.();
  cleanup = null;
  renderLogin(main, signedIn);
}

/** Signs out and returns to the sign-in page. */
export async function signOut() {
  try {
    await post("auth/logout");
  } catch {
    /* the session may already be gone */
  }
  history.replaceState(null, "", "#/login");
  showLogin();
}

function setupTopbar() {
  const bar = document.getElementById("topbar");
  bar.hidden = false;
  for (const a of bar.querySelectorAll("[data-admin]")) a.hidden = !session.isAdmin;
  const button = document.getElementById("user-button");
  const menu = document.getElementById("user-menu");
  replace(button, h("span", { class: "avatar", "aria-hidden": "true" }, initials(session.user.name || session.user.email)), h("span", { class: "user-name" }, session.user.name || session.user.email));
  replace(
    document.getElementById("user-menu-head"),
    h("strong", {}, session.user.name || ""),
    h("span", {}, session.user.email),
    h("span", { class: "badge" }, session.user.role),
  );
  const toggle = (open) => {
    menu.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    if (open) menu.querySelector("[role=menuitem]").focus();
  };
  button.onclick = () => toggle(menu.hidden);
  menu.onkeydown = (e) => {
    const items = [...menu.querySelectorAll("[role=menuitem]")];
    const i = items.indexOf(document.activeElement);
    if (e.key === "Escape") {
      toggle(false);
      button.focus();
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      items[(i + 1) % items.length].focus();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      items[(i - 1 + items.length) % items.length].focus();
    }
  };
  document.addEventListener("click", (e) => {
    if (!menu.hidden && !menu.contains(e.target) && !button.contains(e.target)) toggle(false);
  });
  document.getElementById("menu-accounts").onclick = () => {
    toggle(false);
    openAccounts();
  };
  document.getElementById("menu-signout").onclick = () => {
    toggle(false);
    signOut();
  };
}

/** Opens the "User → AWS accounts" modal; `onChange` runs after any change. */
export async function openAccounts(onChange) {
  const { openAccountsDialog } = await import("./accounts.js");
  openAccountsDialog(() => {
    onChange?.();
    window.dispatchEvent(new CustomEvent("skyplan:accounts-changed"));
  });
}

function initials(name) {
  return name
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0].toUpperCase())
    .join("");
}

async function route() {
  if (!session.user) return showLogin();
  const [name, ...rest] = location.hash.replace(/^#\/?/, "").split("/");
  const key = pages[name] ? name : "diagram";
  if (name === "accounts") {
    history.replaceState(null, "", "#/diagram");
    openAccounts();
  }
  for (const a of document.querySelectorAll(".mainnav a")) {
    if (a.dataset.route === key) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  cleanup?.();
  cleanup = null;
  main.replaceChildren(h("div", { class: "loading", role: "status" }, "Loading…"));
  try {
    const render = await pages[key]();
    main.replaceChildren();
    cleanup = (await render(main, rest.map(decodeURIComponent))) || null;
    document.title = `${main.querySelector("h1")?.textContent || "Skyplan"} · Skyplan`;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return showLogin();
    replace(main, h("div", { class: "page" }, h("div", { class: "notice notice-error", role: "alert" }, e.message)));
  }
}

window.addEventListener("hashchange", () => {
  if (location.hash === "#/login") return;
  route();
});
window.addEventListener("skyplan:unauthorized", showLogin);
boot();
