// The studio's job form: posts a new job, or revises one picked from the lineup editor, all on one page.
import { postJson, putJson, type Texts } from "./showcase-http";

export interface JobView {
  id: string; title: string; description: string; payMin: number; payMax: number; payUnit: string; hours: string; type: string;
  district: string; street: string; community: string; latitude: number | null; longitude: number | null;
  benefits: string[]; headcount: number; status: string; verified: boolean;
}

export interface JobFormControl {
  /** Fills the form with a job and switches it to revising that job. */
  edit(job: JobView): void;
}

export function jobForm(panel: HTMLElement, employerId: string, t: Texts,
  onSaved: (job: JobView, created: boolean) => void): JobFormControl | null {
  const form = panel.querySelector<HTMLFormElement>("#job-form");
  const status = panel.querySelector<HTMLElement>("#host-status")!;
  if (!form) return null;
  const submit = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
  let editing: JobView | null = null;

  function field<T extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(name: string) {
    return form!.elements.namedItem(name) as T;
  }

  function stopEditing() {
    editing = null;
    form!.reset();
    submit.textContent = t("Form.Create");
    submit.dataset.testid = "job-create";
  }

  form.addEventListener("submit", async e => {
    e.preventDefault();
    if (submit.disabled) return;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const body = {
      title: text("title"), description: text("description"), hours: text("hours"),
      payMin: Number(text("payMin")), payMax: Number(text("payMax")), payUnit: text("payUnit"), type: text("type"),
      district: text("district"), street: text("street"), community: text("community"),
      // The form has no map: a revised job keeps the point it had.
      latitude: editing?.latitude ?? null, longitude: editing?.longitude ?? null,
      benefits: data.getAll("benefits").map(String), headcount: Number(text("headcount")),
    };
    submit.disabled = true;
    try {
      const wasEditing = editing;
      const reply = wasEditing
        ? await putJson<JobView>(`/api/v1/employers/${employerId}/jobs/${wasEditing.id}`, body)
        : await postJson<JobView>(`/api/v1/employers/${employerId}/jobs`, body);
      if (!reply.ok) { status.textContent = reply.problem.title; return; }
      stopEditing();
      status.textContent = t(wasEditing ? "Form.Saved" : "Form.Created");
      onSaved(reply.value, !wasEditing);
    } finally {
      submit.disabled = false;
    }
  });

  return {
    edit(job: JobView) {
      editing = job;
      for (const name of ["title", "description", "hours", "payUnit", "type", "district", "street", "community"] as const)
        field<HTMLInputElement>(name).value = String(job[name] ?? "");
      field<HTMLInputElement>("payMin").value = String(job.payMin);
      field<HTMLInputElement>("payMax").value = String(job.payMax);
      field<HTMLInputElement>("headcount").value = String(job.headcount);
      form!.querySelectorAll<HTMLInputElement>("input[name=benefits]").forEach(box => { box.checked = job.benefits.includes(box.value); });
      submit.textContent = t("Form.Save");
      submit.dataset.testid = "job-save";
      const wrap = panel.querySelector<HTMLDetailsElement>("#job-form-wrap");
      if (wrap) { wrap.open = true; wrap.scrollIntoView({ block: "start" }); }
    },
  };
}
