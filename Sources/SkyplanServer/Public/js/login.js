// Skyplan web UI: the sign-in page.
import { post } from "./api.js";
import { h, notice } from "./dom.js";

/** Renders the sign-in form into `main`; calls `done(session)` after a successful sign-in. */
export function renderLogin(main, done) {
  const error = h("div", { class: "form-error", id: "login-error", role: "alert" });
  const email = h("input", { id: "login-email", name: "email", type: "email", autocomplete: "username", required: true, autofocus: true });
  const password = h("input", { id: "login-password", name: "password", type: "password", autocomplete: "current-password", required: true });
  const submit = h("button", { class: "btn btn-primary btn-block", type: "submit", id: "login-submit" }, "Sign in");
  const form = h(
    "form",
    { class: "login-card", "aria-labelledby": "login-title", novalidate: true },
    h("div", { class: "login-brand" }, h("img", { src: "favicon.svg", alt: "", width: 40, height: 40 }), h("span", {}, "Skyplan")),
    h("h1", { id: "login-title" }, "Sign in"),
    h("p", { class: "muted" }, "Architecture diagrams, budgets and live status of your AWS accounts."),
    h("label", { for: "login-email" }, "Email"),
    email,
    h("label", { for: "login-password" }, "Password"),
    password,
    error,
    submit,
    h(
      "details",
      { class: "first-run" },
      h("summary", {}, "First time here?"),
      h("p", {}, "Accounts are created on the server by whoever runs Skyplan. To create the first owner, run:"),
      h("pre", {}, "skyplan user create --email you@example.com --name \"Your Name\" --role owner"),
      h("p", {}, "It prints a one-time password; sign in with it here. Owners then invite colleagues the same way (role admin or user)."),
    ),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.replaceChildren();
    if (!email.value || !password.value) {
      error.append(notice("error", "Enter your email and password."));
      (email.value ? password : email).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = "Signing in…";
    try {
      const s = await post("auth/login", { email: email.value.trim(), password: password.value });
      password.value = "";
      done(s);
    } catch (err) {
      error.append(notice("error", err.message));
      password.select();
      password.focus();
    } finally {
      submit.disabled = false;
      submit.textContent = "Sign in";
    }
  });
  main.replaceChildren(h("div", { class: "login-page" }, form));
  document.title = "Sign in · Skyplan";
  email.focus();
}
