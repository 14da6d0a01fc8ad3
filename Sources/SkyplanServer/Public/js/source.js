// Skyplan web UI: where a diagram comes from — a live scan of an account's region
// (GET /aws/account/{id}/{region}/{format}), of several accounts × regions (GET /aws/accounts/{format}) or a
// saved blueprint (GET /blueprint/{id}/{format}).
import { getWhenReady, get, query } from "./api.js";

/** One diagram's routes: SVG, data, exports; and what the live feed needs. */
export class DiagramSource {
  constructor(fields) {
    Object.assign(this, fields);
  }

  /** A live scan of `account` in `region`. */
  static account(account, region) {
    const base = `aws/account/${encodeURIComponent(account.id)}/${encodeURIComponent(region)}`;
    return new DiagramSource({
      kind: "account",
      title: `${account.name} · ${region}`,
      base,
      region,
      liveAccountId: account.id,
      blueprintId: null,
      name: `${account.name} ${region}`,
      viewKeys: ["projection", "theme", "filter", "exclude", "label", "detail", "width", "height"],
    });
  }

  /**
   * A live scan of several accounts × regions through GET /aws/accounts/{format}: `scope` is
   * {accounts: [{id, name}], regions: [...], view: "auto"|"overview"|"full"} and `drill` an overview tile's
   * {account, region} (its AWS account id) or null.
   */
  static scope(scope, drill = null) {
    const names = scope.accounts.map((a) => a.name).join(", ");
    const fixed = {
      accounts: scope.accounts.map((a) => a.id).join(","),
      regions: scope.regions.join(","),
      view: drill ? "" : scope.view,
      account: drill?.account,
      region: drill?.region,
    };
    return new DiagramSource({
      kind: "scope",
      title: drill ? `${drill.account} · ${drill.region}` : `${names} · ${scope.regions.join(", ")}`,
      base: "aws/accounts",
      fixed,
      scope,
      drill,
      region: null,
      liveAccountId: null,
      liveScope: { accounts: scope.accounts.map((a) => a.id), regions: [...scope.regions], awsAccounts: scope.accounts.map((a) => a.accountId).filter(Boolean) },
      blueprintId: null,
      name: scope.accounts.length > 2 ? `${scope.accounts.length} AWS accounts` : names,
      viewKeys: ["projection", "theme", "filter", "exclude", "label", "detail", "width", "height"],
    });
  }

  /** A saved blueprint (the full object of GET /blueprint/{id}). */
  static blueprint(bp) {
    const nodes = bp.data?.nodes || [];
    const region = nodes.find((n) => n.region)?.region || null;
    return new DiagramSource({
      kind: "blueprint",
      title: bp.name || bp.data?.name || "Blueprint",
      base: `blueprint/${encodeURIComponent(bp.id)}`,
      region,
      liveAccountId: bp.data?.liveAccount?.id || null,
      blueprintId: bp.id,
      name: bp.name || bp.data?.name || "blueprint",
      blueprint: bp,
      viewKeys: ["projection", "theme", "width", "height"],
    });
  }

  /** The same diagram, now also saved as blueprint `bp` (budget and live use it). */
  withBlueprint(bp) {
    return new DiagramSource({ ...this, blueprintId: bp.id, blueprint: bp, name: bp.name || this.name });
  }

  get liveKey() {
    if (this.kind === "scope") return `scope:${this.fixed.accounts}/${this.fixed.regions}/${this.fixed.view}/${this.drill?.account || ""}/${this.drill?.region || ""}`;
    return `${this.liveAccountId}/${this.region}/${this.blueprintId || ""}`;
  }

  /** The URL of `format` (svg, png, pdf, mxGraph, json) with the view parameters this route takes. */
  url(format, params = {}) {
    const kept = Object.fromEntries(Object.entries(params).filter(([k]) => this.viewKeys.includes(k)));
    return `${this.base}/${format}${query({ ...this.fixed, ...kept })}`;
  }

  /** The SVG text, waiting through 202 STILL_PROCESSING answers. */
  async svg(params, { onWait, signal } = {}) {
    const r = await getWhenReady(this.url("svg", params), { accept: "image/svg+xml", onWait, signal });
    return r.text();
  }

  /** The blueprint data (`nodes`, `groups`, ...) of this diagram. */
  async data(params) {
    if (this.kind === "blueprint" && this.blueprint?.data) return this.blueprint.data;
    if (this.kind === "blueprint") return (await get(this.base)).data;
    const r = await getWhenReady(this.url("json", params), { accept: "application/json" });
    return (await r.json()).data;
  }
}
