// One-tap apply from the job card: choose a resume from the library or upload a new one, then apply. The button is
// disabled while a request is in flight and says "已投递" afterwards; the server makes repeated taps one application.
import type { JobCardView } from "./room-types";
import { el, getJson, postFile, postJson, type Texts } from "./showcase-http";

interface ResumeView { id: string; fileName: string; contentType: string; sizeBytes: number; uploadedAt: string }
interface ApplicationSummary { id: string; jobId: string }

export function applyFlow(panel: HTMLElement, sessionId: string, t: Texts) {
  const canApply = panel.dataset.canApply === "true";
  const signedIn = panel.dataset.signedIn === "true";
  const status = panel.querySelector<HTMLElement>("#apply-status")!;
  const sheet = panel.querySelector<HTMLFormElement>("#apply-sheet");
  const select = panel.querySelector<HTMLSelectElement>("#apply-resume");
  const fileInput = panel.querySelector<HTMLInputElement>("#apply-file");
  const confirm = panel.querySelector<HTMLButtonElement>("#apply-confirm");
  const applied = new Set<string>();
  let job: JobCardView | null = null;
  let button: HTMLButtonElement | null = null;
  let inFlight = false;

  function showApplied() {
    if (!button || !job) return;
    const done = applied.has(job.id);
    button.disabled = done || inFlight;
    button.textContent = done ? t("Apply.Applied") : inFlight ? t("Apply.Sending") : t("Apply.Button");
  }

  function fillResumes(resumes: ResumeView[], chosen?: string) {
    if (!select) return;
    select.replaceChildren(new Option(t("Apply.NoResume"), ""));
    for (const r of resumes) select.append(new Option(`${r.fileName} (${Math.max(1, Math.round(r.sizeBytes / 1024))} KB)`, r.id));
    select.value = chosen ?? resumes[0]?.id ?? ""; // newest first: the likeliest choice is already picked
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (!job || inFlight || !confirm) return;
    const target = job;
    inFlight = true;
    confirm.disabled = true;
    showApplied();
    try {
      let resumeId: string | null = select?.value || null;
      const file = fileInput?.files?.[0];
      if (file) {
        status.textContent = t("Apply.Uploading");
        const uploaded = await postFile<ResumeView>("/api/v1/resumes", file, panel.dataset.antiforgery ?? "");
        if (!uploaded.ok) { status.textContent = uploaded.problem.title; return; }
        resumeId = uploaded.value.id;
        fileInput!.value = "";
        const list = await getJson<ResumeView[]>("/api/v1/resumes");
        if (list.ok) fillResumes(list.value, resumeId);
      }
      status.textContent = t("Apply.Sending");
      const result = await postJson<ApplicationSummary>("/api/v1/applications", { jobId: target.id, resumeId, sessionId });
      if (result.ok) {
        applied.add(target.id);
        status.textContent = `${t("Apply.Applied")} · ${target.title}`;
        sheet!.hidden = true;
      } else {
        status.textContent = result.problem.title;
      }
    } catch (error) {
      // A dropped mobile connection: tapping again is safe, the server keeps one application per job.
      console.warn("apply failed", error);
      status.textContent = t("Apply.Failed");
    } finally {
      inFlight = false;
      confirm.disabled = false;
      showApplied();
    }
  }

  sheet?.addEventListener("submit", submit);
  panel.querySelector("#apply-cancel")?.addEventListener("click", () => { if (sheet) sheet.hidden = true; });

  return {
    /** Puts the apply button (or the sign-in link) on a freshly drawn card. */
    decorate(card: HTMLElement, current: JobCardView) {
      const actions = card.querySelector<HTMLElement>(".job-actions")!;
      if (job?.id !== current.id && sheet) sheet.hidden = true;
      job = current;
      button = null;
      if (!signedIn) {
        const link = el("a", "btn", t("Apply.SignIn"));
        link.href = panel.dataset.signInUrl ?? "/account/login";
        link.dataset.testid = "sign-in-to-apply";
        actions.append(link);
        return;
      }
      if (!canApply) return;
      button = el("button", "btn apply", t("Apply.Button"));
      button.type = "button";
      button.dataset.testid = "apply-button";
      button.addEventListener("click", () => {
        if (!sheet) return;
        sheet.hidden = false;
        sheet.scrollIntoView({ block: "nearest" });
      });
      actions.append(button);
      showApplied();
    },

    /** Reloads the library and what this person already applied to (on join and after every reconnect). */
    async refresh() {
      if (!canApply) return;
      const [mine, resumes] = await Promise.all([
        getJson<ApplicationSummary[]>("/api/v1/applications/mine"),
        getJson<ResumeView[]>("/api/v1/resumes"),
      ]);
      if (mine.ok) for (const a of mine.value) applied.add(a.jobId);
      if (resumes.ok) fillResumes(resumes.value, select?.value || undefined);
      showApplied();
    },
  };
}
