// Skyplan web UI: the diagram page's empty states and error cards, and its PNG stand-in loader.
import { ApiError, getWhenReady } from "./api.js";
import { h, notice } from "./dom.js";

/** From this many components on, pan and zoom show a PNG stand-in while moving. */
export const PROXY_THRESHOLD = 1500;

/** What the canvas says before there is a diagram. */
export function emptyState({ hasAccounts, isAdmin, addAccount }) {
  if (hasAccounts) {
    return h("div", { class: "empty-state" }, h("h2", {}, "Pick an account and a region, then scan"), h("p", { class: "muted" }, "Skyplan assumes the account's role, discovers the resources and lays them out."));
  }
  return h(
    "div",
    { class: "empty-state" },
    h("h2", {}, "Connect an AWS account to draw it"),
    isAdmin
      ? [h("p", {}, "Skyplan reads your environment through a read-only IAM role that you create in the account."), h("button", { class: "btn btn-primary", type: "button", onclick: addAccount }, "Add AWS Account")]
      : h("p", {}, "No AWS account is shared with you yet. Ask an owner or admin of Skyplan to connect one and share it with your team."),
  );
}

/** The card shown in place of a region whose scan failed. */
export function scanErrorCard(e, region) {
  if (e instanceof ApiError && e.missingRoute) {
    return notice("info", h("strong", {}, "Diagrams are not available on this server yet. "), "The snapshot route answered 404; update Skyplan and scan again.");
  }
  return notice("error", h("strong", {}, `${region}: `), e.message);
}

/** Large diagrams: fetches the server's PNG of the same view and gives it to the viewer. */
export async function loadProxy(viewer, svg, source, params) {
  if (!source || svg.querySelectorAll(".component").length < PROXY_THRESHOLD) return;
  const { width, height } = viewer.size;
  const k = Math.min(1, 4096 / Math.max(width, height));
  const url = source.url("png", { ...params, width: Math.round(width * k), height: Math.round(height * k) });
  try {
    const r = await getWhenReady(url, { accept: "image/png" });
    if (viewer.svg === svg) await viewer.setProxy(await r.blob());
  } catch {
    /* no stand-in: the SVG itself moves */
  }
}
