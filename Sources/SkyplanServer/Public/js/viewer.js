// Skyplan web UI: the interactive diagram. The server's SVG is inserted inline and moved with a CSS
// transform on its wrapper (composited: pan and zoom do not re-lay out the SVG), crisp again once
// the gesture ends. Keyboard: arrows pan, + and − zoom, 0 fits.

const MIN_SCALE = 0.02;
const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * The `<svg>` element of `svgText`, parsed with DOMParser as image/svg+xml and adopted into this
 * document; throws when it is not well-formed SVG. Scripts, foreign content, event handler
 * attributes and links out of the document are removed (the CSP blocks scripts too).
 */
export function parseSVG(svgText) {
  const parsed = new DOMParser().parseFromString(svgText, "image/svg+xml");
  const root = parsed.documentElement;
  if (!root || root.namespaceURI !== SVG_NS || root.localName !== "svg" || parsed.getElementsByTagName("parsererror").length) {
    throw new Error("The server returned a diagram that is not valid SVG.");
  }
  for (const s of root.querySelectorAll("script, foreignObject, iframe, object, embed")) s.remove();
  for (const el of [root, ...root.querySelectorAll("*")]) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const external = (name === "href" || name.endsWith(":href")) && !attr.value.trim().startsWith("#");
      if (name.startsWith("on") || external) el.removeAttributeNode(attr);
    }
  }
  return document.adoptNode(root);
}

const MAX_SCALE = 8;

/**
 * Edges are thin lines: each gets a wide transparent twin on top of it (class `edge-hit`), so a click near
 * the line selects it. Built as DOM nodes (clones of the drawn path), never from markup.
 */
function addEdgeHitAreas(svg) {
  for (const path of svg.querySelectorAll("path.edge")) {
    const hit = document.createElementNS(SVG_NS, "path");
    hit.setAttribute("class", "edge-hit");
    hit.setAttribute("d", path.getAttribute("d") || "");
    hit.setAttribute("stroke", "transparent");
    hit.setAttribute("stroke-width", "12");
    hit.setAttribute("fill", "none");
    path.after(hit);
  }
}

/** The element a click on `target` selects: a component, a group, an edge (through its hit area), or null. */
function selectable(target) {
  const el = target?.closest?.(".component, .group, .edge-hit, .edge");
  if (el?.classList.contains("edge-hit")) return el.previousElementSibling?.classList.contains("edge") ? el.previousElementSibling : null;
  return el || null;
}

/** Pan/zoom/fit viewer for one SVG document in `host`; `onSelect(element|null)` on component click. */
export class DiagramViewer {
  constructor(host, { onSelect } = {}) {
    this.host = host;
    this.onSelect = onSelect;
    this.stage = document.createElement("div");
    this.stage.className = "stage";
    host.append(this.stage);
    this.svg = null;
    this.size = { width: 0, height: 0 };
    this.view = { x: 0, y: 0, scale: 1 };
    this.selected = null;
    this.settleTimer = 0;
    this.bind();
  }

  /** Replaces the diagram with `svgText`; keeps the view if `keepView` and a diagram was shown. */
  load(svgText, { keepView = false } = {}) {
    // Parsed as XML (never as HTML from a string): blueprint data reaches the SVG, and a document
    // that is not well-formed is refused rather than repaired into markup. Then adopted as DOM nodes.
    const svg = parseSVG(svgText);
    const vb = svg.viewBox?.baseVal;
    const width = parseFloat(svg.getAttribute("width")) || vb?.width || 1000;
    const height = parseFloat(svg.getAttribute("height")) || vb?.height || 800;
    if (!svg.getAttribute("viewBox")) svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "Architecture diagram");
    // Keep the view only when the new drawing has the same extent (theme, labels); else fit it.
    const sameExtent = Boolean(this.svg) && Math.abs(this.size.width - width) < 1 && Math.abs(this.size.height - height) < 1;
    if (this.proxy) URL.revokeObjectURL(this.proxy.src);
    this.proxy = null;
    delete this.host.dataset.proxy;
    addEdgeHitAreas(svg);
    this.stage.replaceChildren(svg);
    this.svg = svg;
    this.size = { width, height };
    this.selected = null;
    if (!(keepView && sameExtent)) this.fit();
    else this.apply();
    performance.mark("skyplan:svg-inserted");
    return svg;
  }

  /**
   * A raster stand-in shown instead of the SVG while the view moves (large diagrams repaint slowly):
   * `blob` is a PNG of the whole diagram, e.g. the server's own PNG export of it.
   */
  async setProxy(blob) {
    const svg = this.svg;
    const url = URL.createObjectURL(blob);
    const img = new Image();
    img.decoding = "async";
    img.alt = "";
    img.className = "proxy";
    img.src = url;
    try {
      await img.decode();
    } catch {
      URL.revokeObjectURL(url);
      return;
    }
    if (this.svg !== svg) return URL.revokeObjectURL(url);
    img.style.width = `${this.size.width}px`;
    img.style.height = `${this.size.height}px`;
    this.stage.prepend(img);
    this.proxy = img;
    this.host.dataset.proxy = "ready";
  }

  /** Removes the diagram. */
  clear() {
    this.stage.replaceChildren();
    this.svg = null;
    this.selected = null;
  }

  /** Fits the whole diagram in the visible area with a small margin. */
  fit() {
    const box = this.host.getBoundingClientRect();
    if (!this.size.width || !box.width) return;
    const scale = Math.min((box.width - 32) / this.size.width, (box.height - 32) / this.size.height, 2);
    this.view.scale = Math.max(MIN_SCALE, scale);
    this.view.x = (box.width - this.size.width * this.view.scale) / 2;
    this.view.y = (box.height - this.size.height * this.view.scale) / 2;
    this.userMoved = false;
    this.apply();
  }

  /** Zooms by `factor` around the host point (cx, cy) (default: the centre). */
  zoomBy(factor, cx, cy) {
    const box = this.host.getBoundingClientRect();
    cx ??= box.width / 2;
    cy ??= box.height / 2;
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, this.view.scale * factor));
    const k = scale / this.view.scale;
    this.view.x = cx - (cx - this.view.x) * k;
    this.view.y = cy - (cy - this.view.y) * k;
    this.view.scale = scale;
    this.apply(true);
  }

  /** Moves the diagram by (dx, dy) screen pixels. */
  panBy(dx, dy) {
    this.view.x += dx;
    this.view.y += dy;
    this.apply(true);
  }

  /** Centres the view on an element of the diagram. */
  reveal(el) {
    if (!el || !this.svg) return;
    const r = el.getBoundingClientRect();
    const box = this.host.getBoundingClientRect();
    this.panBy(box.left + box.width / 2 - (r.left + r.width / 2), box.top + box.height / 2 - (r.top + r.height / 2));
  }

  /** The zoom level in percent. */
  get percent() {
    return Math.round(this.view.scale * 100);
  }

  apply(moving = false) {
    const { x, y, scale } = this.view;
    this.stage.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    if (moving) {
      this.userMoved = true;
      // Composite while the gesture lasts; re-raster crisply when it settles.
      this.stage.style.willChange = "transform";
      if (this.proxy) this.stage.classList.add("is-moving");
      clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(() => {
        this.stage.style.willChange = "auto";
        this.stage.classList.remove("is-moving");
      }, 180);
    }
    this.host.dispatchEvent(new CustomEvent("viewchange", { detail: { ...this.view } }));
  }

  /** Marks `el` (a `.component`, group or `.edge`) as selected and tells the page. */
  select(el) {
    this.selected?.classList.remove("is-selected");
    this.selected = el;
    el?.classList.add("is-selected");
    this.onSelect?.(el);
  }

  /** Keyboard selection: the next (`+1`) or previous (`-1`) component, brought into view. */
  step(direction) {
    const all = [...(this.svg?.querySelectorAll(".component") || [])];
    if (!all.length) return;
    const i = all.indexOf(this.selected);
    const next = all[(i + direction + all.length) % all.length] || all[0];
    this.select(next);
    this.reveal(next);
  }

  bind() {
    const host = this.host;
    let drag = null;
    host.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      drag = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
    });
    host.addEventListener("pointermove", (e) => {
      if (!drag || e.pointerId !== drag.id) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!drag.moved) {
        drag.moved = true;
        host.setPointerCapture(e.pointerId);
        host.classList.add("is-dragging");
      }
      drag.x = e.clientX;
      drag.y = e.clientY;
      this.panBy(dx, dy);
    });
    const end = (e) => {
      if (!drag || e.pointerId !== drag.id) return;
      const wasClick = !drag.moved;
      drag = null;
      host.classList.remove("is-dragging");
      if (wasClick && e.type === "pointerup") {
        const target = selectable(e.target);
        this.select(target && this.svg?.contains(target) ? target : null);
      }
    };
    host.addEventListener("pointerup", end);
    host.addEventListener("pointercancel", end);
    host.addEventListener(
      "wheel",
      (e) => {
        if (!this.svg) return;
        e.preventDefault();
        const box = host.getBoundingClientRect();
        if (e.ctrlKey || !e.shiftKey) {
          const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
          this.zoomBy(Math.exp(-delta * 0.0015), e.clientX - box.left, e.clientY - box.top);
        } else {
          this.panBy(-e.deltaX, -e.deltaY);
        }
      },
      { passive: false },
    );
    host.addEventListener("keydown", (e) => {
      if (!this.svg || e.target !== host) return;
      const step = e.shiftKey ? 200 : 60;
      const actions = {
        ArrowLeft: () => this.panBy(step, 0),
        ArrowRight: () => this.panBy(-step, 0),
        ArrowUp: () => this.panBy(0, step),
        ArrowDown: () => this.panBy(0, -step),
        "+": () => this.zoomBy(1.25),
        "=": () => this.zoomBy(1.25),
        "-": () => this.zoomBy(0.8),
        0: () => this.fit(),
        Escape: () => this.select(null),
        n: () => this.step(1),
        p: () => this.step(-1),
      };
      const action = actions[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    });
    new ResizeObserver(() => {
      if (this.svg && this.view.scale && !this.userMoved) this.fit();
    }).observe(host);
  }
}
