// One question as a list item: plain text only (textContent, never HTML), badges, vote button, host actions.
import type { QuestionView } from "./room-types";

export type QuestionAction = "Vote" | "Answer" | "MarkAnswered" | "Pin" | "Unpin" | "Hide" | "Restore" | "Approve" | "Ban";

export interface ItemOptions {
  isHost: boolean;
  canVote: boolean;
  voted: boolean;
  text(key: string): string;
  act(action: QuestionAction, q: QuestionView): void;
}

/** Pinned first (latest pin on top), then most votes or newest; the same order as QuestionRanking on the server. */
export function compareQuestions(sort: "votes" | "newest") {
  return (a: QuestionView, b: QuestionView) =>
    Number(b.pinnedAt !== null) - Number(a.pinnedAt !== null)
    || (b.pinnedAt ?? "").localeCompare(a.pinnedAt ?? "")
    || (sort === "votes" ? b.votes - a.votes : 0)
    || b.createdAt.localeCompare(a.createdAt)
    || a.id.localeCompare(b.id);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function questionItem(q: QuestionView, o: ItemOptions): HTMLLIElement {
  const li = el("li", "question");
  li.dataset.questionId = q.id;
  li.dataset.testid = "question";
  li.dataset.status = q.status;
  if (q.pinnedAt) li.classList.add("pinned");

  const badges = el("div", "q-badges");
  if (q.pinnedAt) badges.append(el("span", "badge q-pinned", o.text("Pinned")));
  if (q.answered) {
    const answered = el("span", "badge q-answered", o.text("Answered"));
    answered.dataset.testid = "answered-badge";
    badges.append(answered);
  }
  if (q.status !== "Visible") badges.append(el("span", "badge q-status", o.text(q.status)));

  const body = el("div", "text", q.text); // plain text, never HTML
  const meta = el("div", "meta", `${q.authorName} · ${new Date(q.createdAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}`);
  li.append(badges, body, meta);
  if (q.answer) {
    const answer = el("div", "answer");
    answer.dataset.testid = "question-answer";
    answer.append(el("strong", "", o.text("AnswerLabel")), document.createTextNode(q.answer));
    li.append(answer);
  }

  const bar = el("div", "q-actions");
  if (o.canVote && q.status === "Visible") {
    const vote = el("button", "q-vote", `▲ ${q.votes}`);
    vote.type = "button";
    vote.dataset.testid = "vote";
    vote.setAttribute("aria-pressed", String(o.voted));
    vote.setAttribute("aria-label", `${o.text("Vote")} ${q.votes}`);
    vote.addEventListener("click", () => o.act("Vote", q));
    bar.append(vote);
  } else {
    const count = el("span", "q-votes", `▲ ${q.votes}`);
    count.dataset.testid = "votes";
    bar.append(count);
  }
  if (o.isHost) for (const action of hostActions(q)) {
    const b = el("button", "q-act", o.text(action));
    b.type = "button";
    b.dataset.testid = `q-${action.toLowerCase()}`;
    b.addEventListener("click", () => o.act(action, q));
    bar.append(b);
  }
  li.append(bar);
  return li;
}

function hostActions(q: QuestionView): QuestionAction[] {
  if (q.status === "Hidden") return ["Restore"];
  const actions: QuestionAction[] = q.status === "Pending" ? ["Approve", "Answer"] : ["Answer"];
  if (q.status === "Visible" && !q.answered) actions.push("MarkAnswered");
  if (q.status === "Visible") actions.push(q.pinnedAt ? "Unpin" : "Pin");
  actions.push("Hide", "Ban");
  return actions;
}
