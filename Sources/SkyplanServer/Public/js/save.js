// Skyplan web UI: "Save as blueprint" — names the diagram and POSTs its data to /blueprint; a diagram of
// several accounts keeps its scope in `skyplanScope` (Cloudcraft's clients ignore it) so reopening scans it again.
import { post } from "./api.js";
import { h, notice, toast } from "./dom.js";

/** Asks for a name and saves the current diagram; resolves to the saved blueprint or null. */
export function saveAsBlueprint(state) {
  return new Promise((resolve) => {
    const name = h("input", { id: "blueprint-name", type: "text", required: true, value: state.source?.name || "Diagram", maxlength: 255 });
    const error = h("div", { class: "form-error", role: "alert" });
    const submit = h("button", { class: "btn btn-primary", type: "submit", id: "blueprint-save" }, "Save blueprint");
    let saved = null;
    const form = h(
      "form",
      { method: "dialog" },
      h("h2", { id: "save-title" }, "Save as blueprint"),
      h("p", { class: "muted" }, "A blueprint keeps the layout and each component's configuration and ARN, never live values. Its budget and exports are available afterwards."),
      h("label", { for: "blueprint-name" }, "Name"),
      name,
      error,
      h("div", { class: "dialog-actions" }, h("button", { class: "btn", type: "button", onclick: () => dialog.close() }, "Cancel"), submit),
    );
    const dialog = h("dialog", { class: "dialog dialog-small", "aria-labelledby": "save-title" }, form);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      error.replaceChildren();
      if (!name.value.trim()) {
        error.append(notice("error", "Give the blueprint a name."));
        return name.focus();
      }
      submit.disabled = true;
      try {
        const data = state.data || (await state.source.data({}));
        if (!data) throw new Error("The diagram's data could not be loaded; scan again and retry.");
        saved = await post("blueprint", { name: name.value.trim(), data: { ...data, name: name.value.trim(), ...scopeField(state.source) } });
        toast(`Saved “${saved.name || name.value.trim()}”`, "ok");
        dialog.close();
      } catch (err) {
        error.append(notice("error", err.missingRoute ? "Blueprints are not available on this server yet." : err.message));
      } finally {
        submit.disabled = false;
      }
    });
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(saved);
    });
    document.body.append(dialog);
    dialog.showModal();
    name.select();
  });
}

/** `{skyplanScope: {accounts, regions, view, drillDown?}}` for a scan of several accounts, else nothing. */
export function scopeField(source) {
  if (source?.kind !== "scope") return {};
  const scope = { accounts: source.scope.accounts.map((a) => a.id), regions: [...source.scope.regions], view: source.scope.view || "auto" };
  if (source.drill) scope.drillDown = { account: source.drill.account, region: source.drill.region };
  return { skyplanScope: scope };
}
