// Skyplan web UI: live status. GET /live/{accountId}/{region}[?blueprint=id] streams server-sent events
// {"arn","health":"ok|warning|error|stopped|unknown","alarms":n,"values":{...}}; each one colours the
// components with that ARN (CSS classes live-<health>) and badges them in the interaction layer.

const HEALTH = ["ok", "warning", "error", "stopped", "unknown"];
/** Longest `?arn=` list sent for a scan that is not saved (URLs have limits; blueprints have none). */
const MAX_QUERY = 12000;

/** `?arn=a,b,...` with the components' ARNs of an unsaved diagram, as many as fit. */
function arnQuery(svg) {
  const arns = [...new Set([...svg.querySelectorAll(".component[data-arn]")].map((el) => el.dataset.arn))].sort();
  let query = "";
  for (const arn of arns) {
    const next = `${query ? `${query},` : "?arn="}${encodeURIComponent(arn)}`;
    if (next.length > MAX_QUERY) break;
    query = next;
  }
  return query;
}

/** Listens to the live feed of a diagram and keeps the latest values per ARN. */
export class LiveFeed {
  constructor({ accountId, region, blueprintId, svg, onUpdate, onState }) {
    this.values = new Map();
    this.svg = svg;
    this.onUpdate = onUpdate;
    this.onState = onState;
    const q = blueprintId ? `?blueprint=${encodeURIComponent(blueprintId)}` : arnQuery(svg);
    const url = `live/${encodeURIComponent(accountId)}/${encodeURIComponent(region)}${q}`;
    if (!("EventSource" in window)) return;
    let opened = false;
    this.source = new EventSource(url, { withCredentials: true });
    this.source.onopen = () => {
      opened = true;
      onState?.("on");
    };
    const handle = (e) => this.apply(e.data);
    this.source.onmessage = handle;
    // Skyplan's feed: `state` (all ARNs) and `change` (changed ARNs) carry {"statuses": {arn: status}};
    // `stale` lists ARNs whose refresh failed. One-ARN events ({"arn", "health", ...}) work too.
    for (const name of ["state", "change", "status", "health"]) this.source.addEventListener(name, handle);
    this.source.addEventListener("stale", (e) => this.markStale(e.data));
    this.source.onerror = () => {
      if (!opened) {
        // The route is missing or refused: do not hammer it.
        this.close();
        onState?.("unavailable");
      } else {
        onState?.("reconnecting");
      }
    };
  }

  /** Re-applies the known states to a freshly rendered SVG (after a projection/theme change). */
  attach(svg) {
    this.svg = svg;
    for (const event of this.values.values()) this.paint(event);
  }

  apply(text) {
    let event;
    try {
      event = JSON.parse(text);
    } catch {
      return;
    }
    if (event?.statuses && typeof event.statuses === "object") {
      for (const [arn, status] of Object.entries(event.statuses)) this.update({ ...status, arn });
    } else if (event?.arn) {
      this.update(event);
    }
  }

  update(event) {
    this.values.set(event.arn, event);
    this.paint(event);
    this.onUpdate?.(event);
  }

  /** A failed refresh: keep the values, say they are older. */
  markStale(text) {
    let event;
    try {
      event = JSON.parse(text);
    } catch {
      return;
    }
    for (const arn of event?.stale || []) {
      const known = this.values.get(arn);
      if (known) this.update({ ...known, stale: true });
    }
  }

  paint(event) {
    if (!this.svg) return;
    const health = HEALTH.includes(event.health) ? event.health : "unknown";
    const layer = this.svg.querySelector("#interactionLayer") || this.svg;
    for (const el of this.svg.querySelectorAll(`.component[data-arn="${CSS.escape(event.arn)}"]`)) {
      for (const h of HEALTH) el.classList.remove(`live-${h}`);
      el.classList.add(`live-${health}`);
      el.dataset.health = health;
      el.classList.toggle("live-stale", Boolean(event.stale));
      this.badge(layer, el, health, event.alarms);
    }
  }

  badge(layer, el, health, alarms) {
    const id = `live-${el.id}`;
    let dot = layer.querySelector(`#${CSS.escape(id)}`);
    if (!dot) {
      let box;
      try {
        box = el.getBBox();
      } catch {
        return;
      }
      dot = document.createElementNS("http://www.w3.org/2000/svg", "circle");
      dot.id = id;
      dot.setAttribute("cx", box.x + box.width - 2);
      dot.setAttribute("cy", box.y + 2);
      dot.setAttribute("r", Math.max(4, Math.min(9, box.width / 8)));
      layer.append(dot);
    }
    dot.setAttribute("class", `live-dot live-dot-${health}`);
    const title = dot.querySelector("title") || dot.appendChild(document.createElementNS("http://www.w3.org/2000/svg", "title"));
    title.textContent = `${health}${alarms ? `, ${alarms} alarm${alarms === 1 ? "" : "s"}` : ""}`;
  }

  close() {
    this.source?.close();
    this.source = null;
  }
}
