// The job card (带岗卡片): what a viewer reads before applying. Built with text nodes only.
import type { JobCardView } from "./room-types";
import { el, type Texts } from "./showcase-http";

const yuan = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2, useGrouping: false });

/** "4500–6000 元/月", "0.3–0.5 元/件", "200 元/天". */
export function payText(job: Pick<JobCardView, "payMin" | "payMax" | "payUnit">, t: Texts): string {
  const range = job.payMin === job.payMax ? yuan.format(job.payMin) : `${yuan.format(job.payMin)}–${yuan.format(job.payMax)}`;
  return `${range} ${t(`Pay.${job.payUnit}`)}`;
}

export function jobCard(job: JobCardView, t: Texts): HTMLElement {
  const card = el("article", "job-card");
  card.dataset.testid = "current-job";
  card.dataset.jobId = job.id;

  const head = el("header", "job-head");
  const title = el("h3", "job-title", job.title);
  title.dataset.testid = "job-title";
  head.append(title);
  if (job.verified) {
    const verified = el("span", "verified", `✓ ${t("Job.Verified")}`);
    verified.dataset.testid = "job-verified";
    head.append(verified);
  }

  const pay = el("p", "pay", payText(job, t));
  pay.dataset.testid = "job-pay";
  const kind = el("p", "job-meta", [t(`Type.${job.type}`), job.hours].filter(Boolean).join(" · "));
  kind.dataset.testid = "job-hours";
  const place = el("p", "job-meta", [job.district, job.street, job.community].filter(Boolean).join(" "));
  place.dataset.testid = "job-place";

  const benefits = el("ul", "benefits");
  benefits.dataset.testid = "job-benefits";
  for (const b of job.benefits) benefits.append(el("li", b === "SocialInsurance" ? "benefit key" : "benefit", t(`Benefit.${b}`)));

  const headcount = el("p", "job-meta", t("Job.Headcount", job.headcount));
  headcount.dataset.testid = "job-headcount";
  const actions = el("div", "job-actions");
  card.append(head, pay, kind, place);
  if (job.benefits.length) card.append(benefits);
  card.append(headcount, actions);
  return card;
}
