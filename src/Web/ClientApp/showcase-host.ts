// The host's side of the showcase: arrange the lineup from the employer's jobs, present one at a time (or none),
// post or revise a job without leaving the studio, and watch applications arrive.
import type { HubResult, JobCardView, RoomContext, ShowcaseView } from "./room-types";
import { payText } from "./showcase-card";
import { el, getJson, type Texts } from "./showcase-http";
import { jobForm, type JobView } from "./showcase-jobform";

interface ApplicationView { applicationId: string; sessionId: string; jobId: string; jobTitle: string; candidateName: string; hasResume: boolean; submittedAt: string }

export function hostTools(ctx: RoomContext, panel: HTMLElement, t: Texts) {
  const employerId = panel.dataset.employerId!;
  const jobsEl = panel.querySelector<HTMLOListElement>("#employer-jobs")!;
  const appsEl = panel.querySelector<HTMLOListElement>("#applications")!;
  const status = panel.querySelector<HTMLElement>("#host-status")!;
  const applications = new Map<string, ApplicationView>();
  let jobs: JobView[] = [];
  let draft: string[] = []; // the lineup being edited, in order
  let onAir: string[] = []; // the lineup viewers see now

  // Reports the outcome in the status line; quietly, only a failure (the caller has already said what was saved).
  async function invoke(method: string, ...args: unknown[]) { await send(false, method, ...args); }
  async function send(quietly: boolean, method: string, ...args: unknown[]) {
    if (!ctx.isConnected()) { status.textContent = ctx.text("textReconnecting"); return; }
    const result = await ctx.connection.invoke<HubResult<ShowcaseView>>(method, ctx.sessionId, ...args);
    if (!result.ok) status.textContent = result.error?.message ?? "";
    else if (!quietly) status.textContent = t("Host.Saved");
  }

  function move(id: string, by: number) {
    const i = draft.indexOf(id);
    const j = i + by;
    if (i < 0 || j < 0 || j >= draft.length) return;
    [draft[i], draft[j]] = [draft[j], draft[i]];
    drawEditor();
  }

  function drawEditor() {
    const ordered = [...draft.map(id => jobs.find(j => j.id === id)).filter((j): j is JobView => !!j),
      ...jobs.filter(j => !draft.includes(j.id) && j.status === "Open")];
    jobsEl.replaceChildren(...ordered.map(job => {
      const li = el("li", "lineup-job");
      li.dataset.testid = "employer-job";
      li.dataset.jobId = job.id;
      const label = el("label", "check");
      const box = el("input");
      box.type = "checkbox";
      box.checked = draft.includes(job.id);
      box.dataset.testid = "lineup-include";
      box.addEventListener("change", () => {
        draft = box.checked ? [...draft, job.id] : draft.filter(id => id !== job.id);
        drawEditor();
      });
      label.append(box, document.createTextNode(` ${job.title} · ${payText(job, t)}`));
      const edit = el("button", "btn secondary small", t("Host.Edit"));
      edit.type = "button";
      edit.dataset.testid = "edit-job";
      edit.addEventListener("click", () => form?.edit(job));
      li.append(label, edit);
      if (box.checked) {
        const up = el("button", "btn secondary small", t("Host.Up"));
        const down = el("button", "btn secondary small", t("Host.Down"));
        up.type = down.type = "button";
        up.addEventListener("click", () => move(job.id, -1));
        down.addEventListener("click", () => move(job.id, 1));
        li.append(up, down);
      }
      return li;
    }));
  }

  function drawApplications() {
    const list = [...applications.values()].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    appsEl.replaceChildren(...list.map(a => {
      const li = el("li", "application");
      li.dataset.testid = "application";
      li.dataset.applicationId = a.applicationId;
      const who = el("div", "", "");
      who.append(el("strong", "", a.candidateName), document.createTextNode(` · ${a.jobTitle}`));
      const meta = el("div", "muted", new Date(a.submittedAt).toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai" }));
      li.append(who, meta);
      if (a.hasResume) {
        // The server turns this into a link that works for a few minutes, for this employer's recruiters only.
        const link = el("a", "btn secondary small", t("Host.OpenResume"));
        link.href = `/resumes/${a.applicationId}`;
        link.target = "_blank";
        link.rel = "noopener";
        link.dataset.testid = "open-resume";
        li.append(link);
      } else {
        li.append(el("span", "muted", t("Host.NoResumeAttached")));
      }
      return li;
    }));
    if (list.length === 0) appsEl.append(el("li", "muted", t("Host.NoApplications")));
  }

  ctx.connection.on("ApplicationReceived", (a: ApplicationView) => {
    if (a.sessionId !== ctx.sessionId) return;
    applications.set(a.applicationId, a);
    drawApplications();
  });

  panel.querySelector("#lineup-save")?.addEventListener("click", () => invoke("SetLineup", draft));
  panel.querySelector("#present-none")?.addEventListener("click", () => invoke("PresentJob", null));

  async function loadJobs() {
    const reply = await getJson<JobView[]>(`/api/v1/employers/${employerId}/jobs`);
    if (reply.ok) { jobs = reply.value; drawEditor(); }
  }

  const form = jobForm(panel, employerId, t, async (job, created) => {
    await loadJobs();
    if (created) {
      draft = [...draft, job.id]; // ticked in the editor: saving the lineup puts it on air
      drawEditor();
      panel.querySelector<HTMLDetailsElement>("#lineup-editor")!.open = true;
    } else if (onAir.includes(job.id)) {
      // Viewers are looking at the old card: sending the same lineup again redraws every card from the database. The status
      // line keeps the form's "changes saved" unless this fails.
      await send(true, "SetLineup", onAir);
    }
  });

  return {
    decorateLineupItem(li: HTMLLIElement, job: JobCardView, current: boolean) {
      const present = el("button", "btn small", current ? t("Host.Presenting") : t("Host.Present"));
      present.type = "button";
      present.disabled = current;
      present.dataset.testid = "present-job";
      present.addEventListener("click", () => invoke("PresentJob", job.id));
      li.append(present);
    },
    showcaseChanged(view: ShowcaseView) {
      onAir = view.lineup.map(j => j.id);
      draft = [...onAir];
      drawEditor();
    },
    async refresh() {
      await loadJobs();
      const reply = await getJson<ApplicationView[]>(`/api/v1/sessions/${ctx.sessionId}/applications`);
      if (reply.ok) { for (const a of reply.value) applications.set(a.applicationId, a); drawApplications(); }
    },
  };
}
