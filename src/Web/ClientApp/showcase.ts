// The job showcase (带岗) panel: the job being presented and the lineup, redrawn from every snapshot and every
// ShowcaseChanged event. Candidates apply from the card (showcase-apply); hosts arrange and present (showcase-host).
import type { JobCardView, RoomContext, RoomPanel, RoomSnapshot, ShowcaseView } from "./room-types";
import { jobCard, payText } from "./showcase-card";
import { applyFlow } from "./showcase-apply";
import { hostTools } from "./showcase-host";
import { el, panelTexts } from "./showcase-http";

export function showcasePanel(ctx: RoomContext): RoomPanel {
  const panel = document.getElementById("showcase-panel") as HTMLElement | null;
  if (!panel) return { applySnapshot() { /* the page has no showcase */ } };
  const t = panelTexts(panel);
  const currentEl = panel.querySelector<HTMLElement>("#showcase-current")!;
  const lineupEl = panel.querySelector<HTMLOListElement>("#showcase-lineup")!;
  const isHost = panel.dataset.role === "host";
  const apply = isHost ? null : applyFlow(panel, ctx.sessionId, t);
  const host = isHost ? hostTools(ctx, panel, t) : null;
  let shown: ShowcaseView | null = null;

  function lineupItem(job: JobCardView, current: boolean): HTMLLIElement {
    const li = el("li", current ? "lineup-job current" : "lineup-job");
    li.dataset.testid = "lineup-job";
    li.dataset.jobId = job.id;
    const text = el("div", "lineup-text");
    text.append(el("strong", "", job.title), el("span", "muted", ` ${payText(job, t)}`));
    li.append(text);
    if (current) li.setAttribute("aria-current", "true");
    host?.decorateLineupItem(li, job, current);
    return li;
  }

  function render(view: ShowcaseView) {
    shown = view;
    if (view.current) {
      const card = jobCard(view.current, t);
      apply?.decorate(card, view.current);
      currentEl.replaceChildren(card);
    } else {
      currentEl.replaceChildren(el("p", "muted", t("Showcase.NoneNow")));
    }
    lineupEl.replaceChildren(...view.lineup.map(job => lineupItem(job, job.id === view.current?.id)));
    if (view.lineup.length === 0) lineupEl.append(el("li", "muted", t("Showcase.EmptyLineup")));
    host?.showcaseChanged(view);
  }

  ctx.connection.on("ShowcaseChanged", (view: ShowcaseView) => {
    if (view.sessionId === ctx.sessionId) render(view);
  });

  return {
    applySnapshot(snapshot: RoomSnapshot) {
      render(snapshot.showcase);
      // After a reconnect the lists may have changed while we were away: fetch them again, then redraw the card.
      void (apply?.refresh().then(() => shown && render(shown)));
      void host?.refresh();
    },
  };
}
