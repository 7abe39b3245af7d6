// The Q&A panel: draws questions (plain text only), applies live events and vote batches, sorts by votes or newest,
// and sends a viewer's question or vote. The host's tools live in questions-moderation.ts.
import type { HubResult, QuestionRemovedView, QuestionView, RoomContext, RoomPanel, RoomSnapshot, VoteView, VotesView } from "./room-types";
import { compareQuestions, questionItem, type QuestionAction } from "./questions-item";
import { moderation, type Moderation } from "./questions-moderation";

export function questionsPanel(ctx: RoomContext): RoomPanel {
  const panel = document.getElementById("questions-panel") as HTMLElement;
  const texts = JSON.parse(document.getElementById("questions-texts")?.textContent ?? "{}") as Record<string, string>;
  const text = (key: string) => texts[key] ?? ctx.text(key);
  const list = document.getElementById("questions") as HTMLOListElement;
  const pendingList = document.getElementById("questions-pending") as HTMLOListElement | null;
  const hiddenList = document.getElementById("questions-hidden") as HTMLOListElement | null;
  const status = document.getElementById("questions-status") as HTMLElement;
  const isHost = panel.dataset.isHost === "true";
  const canVote = panel.dataset.canVote === "true";
  const questions = new Map<string, QuestionView>();
  const myVotes = new Set<string>();
  let sort: "votes" | "newest" = "votes";

  function report(result: HubResult<unknown>): boolean {
    status.textContent = result.ok ? "" : result.error?.message ?? "";
    return result.ok;
  }

  function upsert(q: QuestionView) {
    if (q.sessionId !== ctx.sessionId) return;
    // Viewers hold only visible questions; hosts keep pending and hidden ones too, to act on them.
    if (!isHost && q.status !== "Visible") questions.delete(q.id);
    else questions.set(q.id, q);
    render();
  }

  const tools: Moderation | null = isHost ? moderation(ctx, text, upsert, report) : null;

  async function act(action: QuestionAction, q: QuestionView) {
    if (!ctx.isConnected()) { status.textContent = ctx.text("textReconnecting"); return; }
    if (action !== "Vote") { await tools?.act(action, q); return; }
    const result = await ctx.connection.invoke<HubResult<VoteView>>("VoteQuestion", ctx.sessionId, q.id);
    if (!report(result) || !result.value) return;
    // The voter sees their own vote at once; everyone else gets it in the next batch.
    if (result.value.voted) myVotes.add(q.id); else myVotes.delete(q.id);
    const current = questions.get(q.id);
    if (current) questions.set(q.id, { ...current, votes: result.value.votes });
    render();
  }

  function fill(target: HTMLOListElement, items: QuestionView[], emptyText: string) {
    const nodes = items.map(q => questionItem(q, { isHost, canVote, voted: myVotes.has(q.id), text, act }));
    if (nodes.length === 0) nodes.push(Object.assign(document.createElement("li"), { className: "muted", textContent: emptyText }));
    target.replaceChildren(...nodes);
  }

  function render() {
    const all = [...questions.values()];
    fill(list, all.filter(q => q.status === "Visible").sort(compareQuestions(sort)), ctx.text("textNoQuestions"));
    // The queue is worked oldest first; hidden ones newest first.
    if (pendingList) fill(pendingList, all.filter(q => q.status === "Pending").sort((a, b) => a.createdAt.localeCompare(b.createdAt)), text("NoPending"));
    if (hiddenList) fill(hiddenList, all.filter(q => q.status === "Hidden").sort(compareQuestions("newest")), "");
  }

  for (const button of panel.querySelectorAll<HTMLButtonElement>(".q-sort [data-sort]")) {
    button.addEventListener("click", () => {
      sort = button.dataset.sort === "newest" ? "newest" : "votes";
      for (const b of panel.querySelectorAll(".q-sort [data-sort]")) b.setAttribute("aria-pressed", String(b === button));
      render();
    });
  }

  ctx.connection.on("QuestionAsked", upsert);
  ctx.connection.on("QuestionUpdated", upsert);
  ctx.connection.on("QuestionRemoved", (r: QuestionRemovedView) => {
    // Hosts keep hidden questions: they also get a QuestionUpdated with status Hidden.
    if (r.sessionId !== ctx.sessionId || isHost) return;
    questions.delete(r.questionId);
    render();
  });
  ctx.connection.on("VotesChanged", (v: VotesView) => {
    if (v.sessionId !== ctx.sessionId) return;
    for (const [id, votes] of Object.entries(v.votes)) {
      const q = questions.get(id);
      if (q) questions.set(id, { ...q, votes });
    }
    render();
  });

  const form = document.getElementById("ask-form") as HTMLFormElement | null;
  if (form) {
    const input = document.getElementById("ask-text") as HTMLTextAreaElement;
    const askStatus = document.getElementById("ask-status") as HTMLElement;
    const button = form.querySelector("button") as HTMLButtonElement;
    form.addEventListener("submit", async e => {
      e.preventDefault();
      if (!ctx.isConnected()) { askStatus.textContent = ctx.text("textReconnecting"); return; }
      button.disabled = true;
      try {
        const result = await ctx.connection.invoke<HubResult<QuestionView>>("AskQuestion", ctx.sessionId, input.value);
        if (result.ok && result.value) {
          input.value = "";
          askStatus.textContent = result.value.status === "Pending" ? text("SentForReview") : ctx.text("textSent");
          upsert(result.value);
        } else askStatus.textContent = result.error?.message ?? "";
      } finally {
        button.disabled = false;
      }
    });
  }

  return {
    applySnapshot(snapshot: RoomSnapshot) {
      questions.clear();
      myVotes.clear();
      for (const q of snapshot.questions) questions.set(q.id, q);
      for (const id of snapshot.myVotes) myVotes.add(id);
      render();
      // Hosts' pending and hidden questions and settings are not in the snapshot every viewer gets: fetch them after each join.
      if (snapshot.isHost) void tools?.reload();
    },
  };
}
