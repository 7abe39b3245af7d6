// The host's side of the Q&A panel: the answer form, moderation settings, bans, and the moderation queue after every join.
import type { HubResult, ModerationQueueView, ModerationView, QuestionView, RoomContext } from "./room-types";
import type { QuestionAction } from "./questions-item";

export interface Moderation {
  act(action: QuestionAction, q: QuestionView): Promise<void>;
  applySettings(m: ModerationView): void;
  reload(): Promise<void>;
}

export function moderation(ctx: RoomContext, text: (key: string) => string, upsert: (q: QuestionView) => void,
  report: (result: HubResult<unknown>) => boolean): Moderation {
  const form = document.getElementById("moderation-form") as HTMLFormElement;
  const pre = document.getElementById("pre-moderation") as HTMLInputElement;
  const slow = document.getElementById("slow-mode") as HTMLInputElement;
  const status = document.getElementById("moderation-status") as HTMLElement;
  const banned = document.getElementById("banned") as HTMLUListElement;
  const answerForm = document.getElementById("answer-form") as HTMLFormElement;
  const answerText = document.getElementById("answer-text") as HTMLTextAreaElement;
  const answerQuote = document.getElementById("answer-quote") as HTMLElement;
  let answering: QuestionView | null = null;

  const call = async <T>(method: string, ...args: unknown[]) => {
    const result = await ctx.connection.invoke<HubResult<T>>(method, ctx.sessionId, ...args);
    return report(result) ? result.value : null;
  };

  function applySettings(m: ModerationView) {
    if (m.sessionId !== ctx.sessionId) return;
    pre.checked = m.preModeration;
    if (document.activeElement !== slow) slow.value = String(m.slowModeSeconds);
    banned.replaceChildren();
    if (m.banned.length === 0) banned.append(Object.assign(document.createElement("li"), { className: "muted", textContent: text("NoneBanned") }));
    for (const person of m.banned) {
      const li = document.createElement("li");
      li.dataset.testid = "banned-person";
      const unban = Object.assign(document.createElement("button"), { type: "button", className: "q-act", textContent: text("Unban") });
      unban.addEventListener("click", async () => { const v = await call<ModerationView>("UnbanViewer", person.userId); if (v) applySettings(v); });
      li.append(document.createTextNode(person.name + " "), unban);
      banned.append(li);
    }
  }

  form.addEventListener("submit", async e => {
    e.preventDefault();
    const v = await call<ModerationView>("ConfigureModeration", pre.checked, Number.parseInt(slow.value || "0", 10));
    if (v) { applySettings(v); status.textContent = text("Saved"); }
  });

  answerForm.addEventListener("submit", async e => {
    e.preventDefault();
    if (!answering) return;
    const v = await call<QuestionView>("AnswerQuestion", answering.id, answerText.value);
    if (v) { upsert(v); closeAnswer(); }
  });
  document.getElementById("answer-cancel")!.addEventListener("click", () => closeAnswer());
  function closeAnswer() { answering = null; answerText.value = ""; answerForm.hidden = true; }

  ctx.connection.on("ModerationChanged", applySettings);

  return {
    applySettings,
    async act(action, q) {
      if (action === "Answer") {
        answering = q;
        answerQuote.textContent = q.text; // plain text, never HTML
        answerText.value = q.answer ?? "";
        answerForm.hidden = false;
        answerText.focus();
        return;
      }
      if (action === "Ban") {
        if (!confirm(text("BanConfirm"))) return;
        const v = await call<ModerationView>("BanAuthor", q.id, true);
        if (v) applySettings(v);
        return;
      }
      const method = action === "MarkAnswered" ? "MarkAnswered" : `${action}Question`;
      const v = await call<QuestionView>(method, q.id);
      if (v) upsert(v);
    },
    async reload() {
      const queue = await call<ModerationQueueView>("GetModerationQueue");
      if (!queue) return;
      applySettings(queue.moderation);
      for (const q of [...queue.pending, ...queue.hidden]) upsert(q);
    },
  };
}
