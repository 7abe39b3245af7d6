// The studio's new-job form: posts to the Jobs API and hands the new job to the lineup editor, all on one page.
import { postJson, type Texts } from "./showcase-http";

export interface JobView {
  id: string; title: string; payMin: number; payMax: number; payUnit: string; hours: string; type: string;
  district: string; street: string; community: string; benefits: string[]; headcount: number; status: string; verified: boolean;
}

export function jobForm(panel: HTMLElement, employerId: string, t: Texts, onCreated: (job: JobView) => void) {
  const form = panel.querySelector<HTMLFormElement>("#job-form");
  const status = panel.querySelector<HTMLElement>("#host-status")!;
  if (!form) return;
  const submit = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
  form.addEventListener("submit", async e => {
    e.preventDefault();
    if (submit.disabled) return;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const body = {
      title: text("title"), description: text("description"), hours: text("hours"),
      payMin: Number(text("payMin")), payMax: Number(text("payMax")), payUnit: text("payUnit"), type: text("type"),
      district: text("district"), street: text("street"), community: text("community"),
      benefits: data.getAll("benefits").map(String), headcount: Number(text("headcount")),
    };
    submit.disabled = true;
    try {
      const reply = await postJson<JobView>(`/api/v1/employers/${employerId}/jobs`, body);
      if (!reply.ok) { status.textContent = reply.problem.title; return; }
      form.reset();
      status.textContent = t("Form.Created");
      onCreated(reply.value);
    } finally {
      submit.disabled = false;
    }
  });
}
