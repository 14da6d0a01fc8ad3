// Skyplan web UI: the HTTP client. Every call is same-origin JSON; cookie-authenticated writes carry
// the session's CSRF token. Errors become ApiError with the server's human message.

/** An error answered by the server (or the network), with the server's `error` text. */
export class ApiError extends Error {
  constructor(status, message, reason = "", body = null) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.body = body;
  }
  /** True when the route does not exist (yet): a 404 with the router's generic message. */
  get missingRoute() {
    return this.status === 404 && (this.reason === "" || this.message === "Not found");
  }
}

let csrfToken = "";

/** Remembers the CSRF token returned by sign-in or the session route. */
export function setCsrf(token) {
  csrfToken = token || "";
}

/** Builds a query string from an object, skipping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "" || v === false) continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

async function errorFrom(response) {
  let body = null;
  let text = "";
  try {
    text = await response.text();
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  if (body && typeof body.error === "string") {
    return new ApiError(response.status, body.error, body.reason || "", body);
  }
  if (response.status === 404) {
    return new ApiError(404, "This feature is not available on this server yet.", "", null);
  }
  return new ApiError(response.status, `The server answered ${response.status} ${response.statusText}`.trim());
}

/**
 * Calls the API. `as` is "json" (default), "text", "blob" or "response".
 * Returns null for 204. Throws ApiError on any non-2xx answer.
 */
export async function api(method, path, body, { as = "json", headers = {}, signal } = {}) {
  const init = { method, headers: { Accept: "application/json", ...headers }, credentials: "same-origin", signal };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  if (!["GET", "HEAD"].includes(method) && csrfToken) init.headers["X-CSRF-Token"] = csrfToken;
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new ApiError(0, "Skyplan cannot be reached. Check your network connection and retry.");
  }
  if (!response.ok) throw await errorFrom(response);
  if (as === "response") return response;
  if (response.status === 204) return null;
  if (as === "text") return response.text();
  if (as === "blob") return response.blob();
  const type = response.headers.get("Content-Type") || "";
  return type.includes("json") ? response.json() : response.text();
}

export const get = (path, opts) => api("GET", path, undefined, opts);
export const post = (path, body, opts) => api("POST", path, body ?? {}, opts);
export const put = (path, body, opts) => api("PUT", path, body ?? {}, opts);
export const del = (path, opts) => api("DELETE", path, undefined, opts);

/**
 * GETs a snapshot-like resource that may answer 202 STILL_PROCESSING: retries until it is ready.
 * `onWait(attempt)` is called before each retry. Returns the final Response.
 */
export async function getWhenReady(path, { accept = "*/*", signal, onWait, delay = 1500 } = {}) {
  for (let attempt = 1; ; attempt++) {
    const response = await api("GET", path, undefined, { as: "response", headers: { Accept: accept }, signal });
    if (response.status !== 202) return response;
    onWait?.(attempt);
    await new Promise((resolve, reject) => {
      const t = setTimeout(resolve, Math.min(delay * attempt, 5000));
      signal?.addEventListener("abort", () => {
        clearTimeout(t);
        reject(new DOMException("aborted", "AbortError"));
      });
    });
  }
}
