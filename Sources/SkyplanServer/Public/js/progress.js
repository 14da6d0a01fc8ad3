// Skyplan web UI: scan progress from the server-sent events of
// GET /aws/account/{id}/{region}/events: {"phase","region","service","done","total","diagnostics":[...]}.
import { h, replace } from "./dom.js";

/** A progress panel for one region's scan; `close()` stops listening. */
export class ScanProgress {
  constructor(host, { accountId, region }) {
    this.host = host;
    this.region = region;
    this.services = new Map();
    this.diagnostics = [];
    this.bar = h("progress", { max: 1, "aria-label": `Scan progress for ${region}` });
    this.phase = h("span", { class: "phase" }, "Starting the scan…");
    this.count = h("span", { class: "count muted" });
    this.list = h("ul", { class: "service-list", "aria-label": "Services" });
    this.diagBox = h("div", { class: "diagnostics" });
    this.el = h(
      "section",
      { class: "scan-progress", role: "status", "aria-live": "polite", "aria-label": `Scanning ${region}` },
      h("div", { class: "scan-head" }, h("strong", {}, `Scanning ${region}`), this.count),
      this.bar,
      this.phase,
      this.list,
      this.diagBox,
    );
    host.append(this.el);
    this.bar.removeAttribute("value");
    this.open(accountId, region);
  }

  open(accountId, region) {
    if (!("EventSource" in window)) return;
    const url = `aws/account/${encodeURIComponent(accountId)}/${encodeURIComponent(region)}/events`;
    let opened = false;
    this.source = new EventSource(url, { withCredentials: true });
    this.source.onopen = () => (opened = true);
    this.source.onmessage = (e) => this.update(e.data);
    this.source.addEventListener("progress", (e) => this.update(e.data));
    this.source.addEventListener("done", (e) => {
      this.update(e.data);
      this.close();
    });
    this.source.onerror = () => {
      // Not available (404) or finished: keep the indeterminate bar, stop reconnecting.
      if (!opened) this.phase.textContent = "Scanning… (detailed progress is not available on this server)";
      this.close();
    };
  }

  update(text) {
    let event;
    try {
      event = JSON.parse(text);
    } catch {
      return;
    }
    // The stream is this region's scan; global services report as us-east-1, so no region check.
    const { phase, service, done, total } = event;
    if (Number.isFinite(total) && total > 0) {
      this.bar.max = total;
      this.bar.value = Math.min(done ?? 0, total);
      this.count.textContent = `${done ?? 0} / ${total} services`;
    }
    const found = Number.isFinite(event.resources) ? ` · ${event.resources} resources so far` : "";
    this.phase.textContent = phase === "finished" ? `Laying out the diagram${found}` : service ? `Read ${service}${found}` : `Scanning…${found}`;
    const problems = Array.isArray(event.diagnostics) ? event.diagnostics.length : Number(event.diagnostics) || 0;
    if (service) {
      const state = problems > 0 || /fail|error|denied/i.test(phase || "") ? "error" : "done";
      const label = `${service}${Number.isFinite(event.found) && event.found > 0 ? ` ${event.found}` : ""}`;
      this.services.set(service, [state, label]);
      replace(
        this.list,
        [...this.services.values()].map(([s, l]) => h("li", { class: `svc svc-${s}` }, l)),
      );
    }
    if (Array.isArray(event.diagnostics)) for (const d of event.diagnostics) this.addDiagnostic(d);
    else if (problems > 0) this.addDiagnostic(`${service}: ${problems} call${problems === 1 ? "" : "s"} failed (for example access denied); the diagram shows what could be read`);
  }

  addDiagnostic(d) {
    const text = typeof d === "string" ? d : [d.service, d.operation, d.code, d.message].filter(Boolean).join(" · ");
    if (this.diagnostics.includes(text)) return;
    this.diagnostics.push(text);
    replace(
      this.diagBox,
      h("strong", {}, `${this.diagnostics.length} ${this.diagnostics.length === 1 ? "service was" : "services were"} not fully read`),
      " ",
      h("ul", {}, this.diagnostics.map((t) => h("li", {}, t))),
    );
  }

  /** Shows diagnostics that came with the finished diagram (the JSON's `diagnostics`). */
  finish(diagnostics = []) {
    for (const d of diagnostics) this.addDiagnostic(d);
    this.close();
  }

  close() {
    this.source?.close();
    this.source = null;
  }

  remove() {
    this.close();
    this.el.remove();
  }
}
