// HTTP helpers of the showcase panel: JSON calls to /api/v1 with the sign-in cookie, ProblemDetails turned into text.

/** A panel's localized texts, rendered by its partial (e.g. _ShowcasePanel.cshtml) as JSON. */
export type Texts = (key: string, ...args: (string | number)[]) => string;

export function panelTexts(panel: HTMLElement, selector = "#showcase-texts"): Texts {
  const source = panel.querySelector<HTMLScriptElement>(selector);
  const texts: Record<string, string> = source ? JSON.parse(source.textContent || "{}") : {};
  return (key, ...args) => (texts[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ""));
}

export interface Problem { status: number; title: string; code?: string }

export type Reply<T> = { ok: true; status: number; value: T } | { ok: false; problem: Problem };

async function reply<T>(response: Response): Promise<Reply<T>> {
  if (response.ok) {
    const value = response.status === 204 ? (undefined as T) : ((await response.json()) as T);
    return { ok: true, status: response.status, value };
  }
  let title = response.statusText;
  let code: string | undefined;
  if ((response.headers.get("content-type") ?? "").includes("json")) {
    const body = await response.json();
    title = body.title ?? title;
    code = body.code;
    // Validation problems carry their messages per field.
    if (body.errors) title = Object.values(body.errors as Record<string, string[]>).flat().join(" ") || title;
  }
  return { ok: false, problem: { status: response.status, title, code } };
}

export async function getJson<T>(url: string): Promise<Reply<T>> {
  return reply<T>(await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }));
}

export function postJson<T>(url: string, body: unknown): Promise<Reply<T>> {
  return sendJson<T>("POST", url, body);
}

export function putJson<T>(url: string, body: unknown): Promise<Reply<T>> {
  return sendJson<T>("PUT", url, body);
}

async function sendJson<T>(method: "POST" | "PUT", url: string, body: unknown): Promise<Reply<T>> {
  return reply<T>(await fetch(url, {
    method,
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  }));
}

/** Multipart upload; the antiforgery token goes in a header because the server streams the body without reading the form. */
export async function postFile<T>(url: string, file: File, antiforgery: string): Promise<Reply<T>> {
  const form = new FormData();
  form.append("file", file, file.name);
  return reply<T>(await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { RequestVerificationToken: antiforgery, Accept: "application/json" },
    body: form,
  }));
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = "", text = ""): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text; // always text, never HTML: titles and names come from users
  return node;
}
