// The studio's OBS panel: shows the RTMP server, and issues or rotates the stream key, which is shown once.
import { getJson, postJson } from "./showcase-http";

interface KeyStatus { rtmpEnabled: boolean; server: string; issuedAt: string | null }
interface IssuedKey { server: string; key: string; issuedAt: string; validUntil: string }

const panel = document.getElementById("obs-panel");
if (panel) void start(panel);

async function start(root: HTMLElement): Promise<void> {
  const source = root.querySelector<HTMLScriptElement>("#obs-texts");
  const texts: Record<string, string> = source ? JSON.parse(source.textContent || "{}") : {};
  const t = (key: string, arg = "") => (texts[key] ?? key).replace("{0}", arg);
  const body = root.querySelector<HTMLElement>("#obs-body")!;
  const url = `/api/v1/sessions/${root.dataset.sessionId}/stream-key`;
  const when = (iso: string) => new Date(iso).toLocaleString(document.documentElement.lang || "zh-CN");

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = "", attrs: Record<string, string> = {}) => {
    const node = document.createElement(tag);
    node.textContent = text;
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  };
  const field = (label: string, value: string, testId: string) => {
    const row = el("p", "", { class: "obs-field" });
    row.append(el("strong", `${label}: `));
    const code = el("code", value, { "data-testid": testId });
    const copy = el("button", t("Obs.Copy"), { type: "button", class: "secondary" });
    copy.addEventListener("click", async () => {
      await navigator.clipboard?.writeText(value).catch(() => undefined);
      copy.textContent = t("Obs.Copied");
    });
    row.append(code, " ", copy);
    return row;
  };

  const render = (status: KeyStatus, issued?: IssuedKey) => {
    body.replaceChildren();
    if (!status.rtmpEnabled) {
      body.append(el("p", t("Obs.Off"), { "data-testid": "obs-off" }));
      return;
    }
    body.append(field(t("Obs.Server"), status.server, "obs-server"));
    if (issued) {
      body.append(field(t("Obs.Key"), issued.key, "obs-key"), el("p", t("Obs.ShownOnce"), { class: "warning" }),
        el("p", t("Obs.ValidUntil", when(issued.validUntil)), { class: "muted" }));
    } else {
      body.append(el("p", status.issuedAt ? t("Obs.KeyIssuedAt", when(status.issuedAt)) : t("Obs.NoKey"), { class: "muted" }));
    }
    const hasKey = Boolean(issued || status.issuedAt);
    const button = el("button", hasKey ? t("Obs.Rotate") : t("Obs.Issue"), { type: "button", "data-testid": "obs-issue" });
    const error = el("p", "", { class: "error", role: "alert" });
    button.addEventListener("click", async () => {
      if (hasKey && !window.confirm(t("Obs.ConfirmRotate"))) return;
      button.disabled = true;
      const reply = await postJson<IssuedKey>(url, {});
      button.disabled = false;
      if (!reply.ok) { error.textContent = t("Obs.Failed", reply.problem.title); return; }
      render({ ...status, issuedAt: reply.value.issuedAt }, reply.value);
    });
    body.append(button, error);
  };

  const reply = await getJson<KeyStatus>(url);
  if (reply.ok) render(reply.value);
}
