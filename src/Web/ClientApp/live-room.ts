// The live room for viewers and hosts: connects to the hub, draws the snapshot, applies live events,
// and reconnects by itself (re-joining and re-drawing from a fresh snapshot after every reconnect).
import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";

interface HubError { code: string; message: string }
interface HubResult<T> { ok: boolean; value: T | null; error: HubError | null }
interface QuestionView { id: string; sessionId: string; authorName: string; text: string; createdAt: string; votes: number; answer: string | null }
interface PresenceView { sessionId: string; viewers: number; peak: number }
interface RoomSnapshot { questions: QuestionView[]; presence: PresenceView; isHost: boolean; canAsk: boolean }

const root = document.getElementById("live-room") as HTMLElement;
const sessionId = root.dataset.sessionId!;
const text = (key: string) => root.dataset[key] ?? "";
const stateEl = root.querySelector<HTMLElement>("[data-testid=connection-state]")!;
const viewersEl = root.querySelector<HTMLElement>("[data-testid=viewer-count]")!;
const list = document.getElementById("questions") as HTMLOListElement;
const questions = new Map<string, QuestionView>();

function setState(label: string) { stateEl.textContent = label; }

function render() {
  list.replaceChildren();
  if (questions.size === 0) {
    const empty = document.createElement("li");
    empty.className = "muted";
    empty.textContent = text("textNoQuestions");
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

const connection: HubConnection = new HubConnectionBuilder()
  .withUrl(root.dataset.hubUrl!, { withCredentials: true })
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(1000 * 2 ** ctx.previousRetryCount, 10000) })
  .configureLogging(LogLevel.Warning)
  .build();

connection.on("QuestionAsked", (q: QuestionView) => {
  if (q.sessionId !== sessionId) return;
  questions.set(q.id, q);
  render();
});
connection.on("PresenceChanged", (p: PresenceView) => {
  if (p.sessionId === sessionId) viewersEl.textContent = String(p.viewers);
});

async function join() {
  const result = await connection.invoke<HubResult<RoomSnapshot>>("JoinSession", sessionId);
  if (!result.ok || !result.value) { setState(result.error?.message ?? text("textDisconnected")); return; }
  questions.clear();
  for (const q of result.value.questions) questions.set(q.id, q);
  viewersEl.textContent = String(result.value.presence.viewers);
  render();
  setState(text("textConnected"));
}

connection.onreconnecting(() => setState(text("textReconnecting")));
connection.onreconnected(() => join());
connection.onclose(() => setState(text("textDisconnected")));

async function start() {
  setState(text("textConnecting"));
  for (let attempt = 0; ; attempt++) {
    try {
      await connection.start();
      await join();
      return;
    } catch {
      // The first connect can fail on a flaky mobile network: keep trying with backoff, as reconnects do.
      setState(text("textReconnecting"));
      await new Promise(r => setTimeout(r, Math.min(1000 * 2 ** attempt, 10000)));
    }
  }
}

const form = document.getElementById("ask-form") as HTMLFormElement | null;
if (form) {
  const input = document.getElementById("ask-text") as HTMLTextAreaElement;
  const status = document.getElementById("ask-status") as HTMLElement;
  const button = form.querySelector("button") as HTMLButtonElement;
  form.addEventListener("submit", async e => {
    e.preventDefault();
    if (connection.state !== HubConnectionState.Connected) { status.textContent = text("textReconnecting"); return; }
    button.disabled = true;
    try {
      const result = await connection.invoke<HubResult<QuestionView>>("AskQuestion", sessionId, input.value);
      if (result.ok) { input.value = ""; status.textContent = text("textSent"); }
      else status.textContent = result.error?.message ?? "";
    } finally {
      button.disabled = false;
    }
  });
}

start();
