// Skyplan web UI: live status. POST /live/{accountId}/{region} with {"arns": [...]} (or {"blueprint": id}),
// or for a diagram of several accounts POST /live/accounts with {"accounts", "regions", "arns"} (one stream
// merging the server's account-region feeds),
// streams server-sent events {"statuses": {arn: {"health":"ok|warning|error|stopped|unknown","alarms":n,
// "values":{...}}}}; each one colours the components with that ARN (CSS classes live-<health>) and badges
// them in the interaction layer. A POST, not EventSource's GET: every ARN fits in the body (a URL does not),
// and the server keeps nothing between requests, so any replica answers a reconnect.
import { ApiError, api } from "./api.js";

const HEALTH = ["ok", "warning", "error", "stopped", "unknown"];
/** Events whose data is a status (or statuses) to paint. */
const STATUS_EVENTS = ["message", "state", "change", "status", "health"];

/** Every distinct ARN of the diagram's components, sorted. */
function componentARNs(svg) {
  if (!svg) return [];
  return [...new Set([...svg.querySelectorAll(".component[data-arn]")].map((el) => el.dataset.arn))].sort();
}

/** The component ARNs of a diagram of several accounts that the scope's feeds can watch. */
function scopeARNs(svg, awsAccounts) {
  return componentARNs(svg).filter((arn) => {
    const account = arn.split(":")[4] || "";
    return account && awsAccounts.includes(account);
  });
}

/**
 * Parses a text/event-stream as the HTML standard says: lines end with CRLF, LF or CR; `event:`, `data:`
 * (several lines joined with LF), `id:`, `retry:`; lines starting with ":" are comments (heartbeats); a blank
 * line dispatches. `lastEventId` outlives the connection, like EventSource's.
 */
export class EventStreamParser {
  constructor({ lastEventId = "", onEvent, onRetry } = {}) {
    Object.assign(this, { lastEventId, onEvent, onRetry, buffer: "", type: "", data: [], pendingId: lastEventId });
  }

  /** Feeds decoded text; `end` flushes a last line without its line break. */
  push(text, end = false) {
    this.buffer += text;
    let start = 0;
    for (;;) {
      const cr = this.buffer.indexOf("\r", start);
      const lf = this.buffer.indexOf("\n", start);
      const at = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
      if (at < 0) break;
      // A CR at the end of a chunk may be the first half of a CRLF: wait for the next chunk.
      if (at === cr && at === this.buffer.length - 1 && !end) break;
      this.line(this.buffer.slice(start, at));
      start = at + (at === cr && this.buffer[at + 1] === "\n" ? 2 : 1);
    }
    this.buffer = this.buffer.slice(start);
    if (end && this.buffer) {
      this.line(this.buffer);
      this.buffer = "";
    }
  }

  line(line) {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.type = value;
    else if (field === "data") this.data.push(value);
    else if (field === "id" && !value.includes("\0")) this.pendingId = value;
    else if (field === "retry" && /^\d+$/.test(value)) this.onRetry?.(Number(value));
  }

  dispatch() {
    this.lastEventId = this.pendingId;
    const type = this.type || "message";
    const data = this.data.join("\n");
    const empty = this.data.length === 0;
    this.type = "";
    this.data = [];
    if (!empty) this.onEvent?.({ type, data, id: this.lastEventId });
  }
}

/** Listens to the live feed of a diagram and keeps the latest values per ARN. */
export class LiveFeed {
  constructor({ accountId, region, scope, blueprintId, svg, onUpdate, onState }) {
    this.values = new Map();
    this.svg = svg;
    this.onUpdate = onUpdate;
    this.onState = onState;
    this.url = scope ? "live/accounts" : `live/${encodeURIComponent(accountId)}/${encodeURIComponent(region)}`;
    // A scan: every component's ARN, however many (several accounts: those of the scope's accounts, and those
    // naming none). A saved blueprint of one account: the server reads its ARNs.
    if (scope) this.body = { accounts: scope.accounts, regions: scope.regions, arns: scopeARNs(svg, scope.awsAccounts) };
    else this.body = blueprintId ? { blueprint: blueprintId } : { arns: componentARNs(svg) };
    this.lastEventId = "";
    this.retry = 5000;
    this.closed = false;
    if (!("fetch" in window) || !("ReadableStream" in window)) return;
    this.run();
  }

  /** Opens the stream, reads it to its end, and reconnects after `retry` ms with `Last-Event-ID`. */
  async run() {
    while (!this.closed) {
      this.controller = new AbortController();
      try {
        const headers = { Accept: "text/event-stream" };
        if (this.lastEventId) headers["Last-Event-ID"] = this.lastEventId;
        const response = await api("POST", this.url, this.body, { as: "response", headers, signal: this.controller.signal });
        if (!(response.headers.get("Content-Type") || "").startsWith("text/event-stream")) {
          throw new ApiError(415, "not an event stream");
        }
        this.onState?.("on");
        await this.read(response);
      } catch (e) {
        if (this.closed) return;
        // Refused (4xx but 429): the route is missing, the account or an ARN not ours: do not hammer it.
        if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 429) {
          this.close();
          this.onState?.("unavailable");
          return;
        }
      }
      if (this.closed) return;
      this.onState?.("reconnecting");
      await new Promise((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, this.retry);
      });
    }
  }

  /** Reads one response's events until the server or the network ends it. */
  async read(response) {
    const parser = new EventStreamParser({
      lastEventId: this.lastEventId,
      onRetry: (ms) => (this.retry = ms),
      onEvent: (event) => {
        if (STATUS_EVENTS.includes(event.type)) this.apply(event.data);
        else if (event.type === "stale") this.markStale(event.data);
      },
    });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
      this.lastEventId = parser.lastEventId;
    }
    parser.push(decoder.decode(), true);
    this.lastEventId = parser.lastEventId;
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

  /** Stops for good: aborts the stream and any pending reconnect. */
  close() {
    this.closed = true;
    this.controller?.abort();
    clearTimeout(this.timer);
    this.wake?.();
  }
}
