// The live room for viewers and hosts: connects to the hub, hands every snapshot to the panels, shows presence,
// and reconnects by itself (re-joining and redrawing from a fresh snapshot after every reconnect).
import { HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import type { HubResult, PresenceView, RoomContext, RoomPanel, RoomSnapshot } from "./room-types";
import { questionsPanel } from "./questions";
import { showcasePanel } from "./showcase";
import { viewersPanel } from "./viewers";
import { broadcastPanel } from "./broadcast";
import { playerPanel } from "./player";

const root = document.getElementById("live-room") as HTMLElement;
const sessionId = root.dataset.sessionId!;
const text = (key: string) => root.dataset[key] ?? "";
const stateEl = root.querySelector<HTMLElement>("[data-testid=connection-state]")!;
const viewersEl = root.querySelector<HTMLElement>("[data-testid=viewer-count]")!;
const setState = (label: string) => { stateEl.textContent = label; };

const connection = new HubConnectionBuilder()
  .withUrl(root.dataset.hubUrl!, { withCredentials: true })
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(1000 * 2 ** ctx.previousRetryCount, 10000) })
  .configureLogging(LogLevel.Warning)
  .build();

const ctx: RoomContext = {
  connection, sessionId, root, text,
  isConnected: () => connection.state === HubConnectionState.Connected,
};
const panels: RoomPanel[] = [showcasePanel(ctx), questionsPanel(ctx)];
const isHost = root.dataset.role === "host";
for (const panel of isHost ? [viewersPanel(ctx), broadcastPanel(ctx)] : [playerPanel(ctx)])
  if (panel) panels.push(panel);

connection.on("PresenceChanged", (p: PresenceView) => {
  if (p.sessionId === sessionId) viewersEl.textContent = String(p.viewers);
});

async function join() {
  const result = await connection.invoke<HubResult<RoomSnapshot>>("JoinSession", sessionId);
  if (!result.ok || !result.value) { setState(result.error?.message ?? text("textDisconnected")); return; }
  viewersEl.textContent = String(result.value.presence.viewers);
  for (const panel of panels) panel.applySnapshot(result.value);
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

start();
