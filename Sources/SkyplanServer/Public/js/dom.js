// Skyplan web UI: small DOM helpers (no framework). Text is always set as text, never as HTML.

/**
 * Creates an element: h("button", {class: "btn", onclick: fn, "aria-label": "Close"}, "×").
 * Attributes starting with "on" become listeners; `dataset`, `style` objects are merged; children
 * may be strings, nodes, arrays, null or false.
 */
export function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith("svg:")
    ? document.createElementNS("http://www.w3.org/2000/svg", tag.slice(4))
    : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "style" && typeof value === "object") Object.assign(el.style, value);
    else if (key === "value") el.value = value;
    else if (key === "checked" || key === "selected" || key === "disabled") el[key] = Boolean(value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** An inline SVG icon from the sprite-free set below (stroke icons, 16px, currentColor). */
export function icon(name, label) {
  const paths = ICONS[name] || ICONS.dot;
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("class", "icon");
  svg.setAttribute("aria-hidden", label ? "false" : "true");
  if (label) svg.setAttribute("aria-label", label);
  svg.setAttribute("focusable", "false");
  for (const d of paths) {
    const p = document.createElementNS("http://www.w3.org/2000/svg", "path");
    p.setAttribute("d", d);
    svg.append(p);
  }
  return svg;
}

const ICONS = {
  pencil: ["M4 20h4L19 9l-4-4L4 16v4z", "M14 6l4 4"],
  trash: ["M4 7h16", "M9 7V4h6v3", "M6 7l1 13h10l1-13", "M10 11v6", "M14 11v6"],
  plus: ["M12 5v14", "M5 12h14"],
  close: ["M6 6l12 12", "M18 6L6 18"],
  copy: ["M9 9h11v11H9z", "M5 15H4V4h11v1"],
  external: ["M14 4h6v6", "M20 4l-9 9", "M18 14v6H4V6h6"],
  download: ["M12 4v11", "M7 10l5 5 5-5", "M4 20h16"],
  fit: ["M4 9V4h5", "M20 9V4h-5", "M4 15v5h5", "M20 15v5h-5"],
  zoomIn: ["M11 4a7 7 0 1 0 0 14a7 7 0 1 0 0-14z", "M20 20l-4-4", "M11 8v6", "M8 11h6"],
  zoomOut: ["M11 4a7 7 0 1 0 0 14a7 7 0 1 0 0-14z", "M20 20l-4-4", "M8 11h6"],
  user: ["M12 4a4 4 0 1 0 0 8a4 4 0 1 0 0-8z", "M4 20c1-4 4-6 8-6s7 2 8 6"],
  cloud: ["M7 18h10a4 4 0 0 0 0-8a6 6 0 0 0-11.5 1.5A3.3 3.3 0 0 0 7 18z"],
  refresh: ["M20 11a8 8 0 1 0-2 5.5", "M20 4v7h-7"],
  save: ["M5 4h11l3 3v13H5z", "M8 4v5h7V4", "M8 20v-6h8v6"],
  warn: ["M12 3l10 18H2z", "M12 10v5", "M12 18v.5"],
  dot: ["M12 11a1 1 0 1 0 0 2a1 1 0 1 0 0-2z"],
};

let toastHost = null;

/** Shows a short status message in the corner (polite live region). */
export function toast(message, kind = "info") {
  if (!toastHost) {
    toastHost = h("div", { class: "toasts", role: "status", "aria-live": "polite" });
    document.body.append(toastHost);
  }
  const el = h("div", { class: `toast toast-${kind}` }, message);
  toastHost.append(el);
  setTimeout(() => el.remove(), kind === "error" ? 7000 : 3500);
}

/** Asks for confirmation in a modal dialog; resolves true when the user confirms. */
export function confirmDialog(title, message, confirmLabel = "Remove") {
  return new Promise((resolve) => {
    const dialog = h(
      "dialog",
      { class: "dialog dialog-small", "aria-labelledby": "confirm-title" },
      h("h2", { id: "confirm-title" }, title),
      h("p", {}, message),
      h(
        "div",
        { class: "dialog-actions" },
        h("button", { class: "btn", type: "button", value: "cancel", onclick: () => dialog.close("cancel") }, "Cancel"),
        h("button", { class: "btn btn-danger", type: "button", onclick: () => dialog.close("ok") }, confirmLabel),
      ),
    );
    dialog.addEventListener("close", () => {
      resolve(dialog.returnValue === "ok");
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector(".btn").focus();
  });
}

/** Copies text to the clipboard, falling back to a hidden textarea. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = h("textarea", { class: "visually-hidden" }, text);
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  toast("Copied to the clipboard");
}

/** A "copy" button for a value. */
export function copyButton(text, label) {
  return h("button", { class: "btn btn-icon", type: "button", title: label, "aria-label": label, onclick: () => copyText(typeof text === "function" ? text() : text) }, icon("copy"));
}

/** Downloads a Blob or text as a file. */
export function download(name, data, type = "application/octet-stream") {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name, class: "visually-hidden" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "21 Feb 2024, 15:19" in the viewer's locale. */
export function formatDate(iso) {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** A message box in place: kind is "error", "info" or "warn". Returns the element. */
export function notice(kind, ...children) {
  return h("div", { class: `notice notice-${kind}`, role: kind === "error" ? "alert" : "status" }, ...children);
}
