// The Q&A panel: draws questions (plain text only), applies live events, and sends a viewer's question.
import type { HubResult, QuestionView, RoomContext, RoomPanel, RoomSnapshot } from "./room-types";

export function questionsPanel(ctx: RoomContext): RoomPanel {
  const list = document.getElementById("questions") as HTMLOListElement;
  const questions = new Map<string, QuestionView>();

  function render() {
    list.replaceChildren();
    if (questions.size === 0) {
      const empty = document.createElement("li");
      empty.className = "muted";
      empty.textContent = ctx.text("textNoQuestions");
      list.append(empty);
      return;
    }
    const ordered = [...questions.values()].sort((a, b) => b.votes - a.votes || b.createdAt.localeCompare(a.createdAt));
    for (const q of ordered) {
      const li = document.createElement("li");
      li.className = "question";
      li.dataset.questionId = q.id;
      li.dataset.testid = "question";
      const body = document.createElement("div");
      body.className = "text";
      body.textContent = q.text; // plain text, never HTML
      const meta = document.createElement("div");
      meta.className = "meta";
      meta.textContent = `${q.authorName} · ${new Date(q.createdAt).toLocaleTimeString()}`;
      li.append(body, meta);
      if (q.answer) {
        const answer = document.createElement("div");
        answer.className = "answer";
        answer.textContent = q.answer;
        li.append(answer);
      }
      list.append(li);
    }
  }

  ctx.connection.on("QuestionAsked", (q: QuestionView) => {
    if (q.sessionId !== ctx.sessionId) return;
    questions.set(q.id, q);
    render();
  });

  const form = document.getElementById("ask-form") as HTMLFormElement | null;
  if (form) {
    const input = document.getElementById("ask-text") as HTMLTextAreaElement;
    const status = document.getElementById("ask-status") as HTMLElement;
    const button = form.querySelector("button") as HTMLButtonElement;
    form.addEventListener("submit", async e => {
      e.preventDefault();
      if (!ctx.isConnected()) { status.textContent = ctx.text("textReconnecting"); return; }
      button.disabled = true;
      try {
        const result = await ctx.connection.invoke<HubResult<QuestionView>>("AskQuestion", ctx.sessionId, input.value);
        if (result.ok) { input.value = ""; status.textContent = ctx.text("textSent"); }
        else status.textContent = result.error?.message ?? "";
      } finally {
        button.disabled = false;
      }
    });
  }

  return {
    applySnapshot(snapshot: RoomSnapshot) {
      questions.clear();
      for (const q of snapshot.questions) questions.set(q.id, q);
      render();
    },
  };
}
