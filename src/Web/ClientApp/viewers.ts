// The host's "who is watching" panel: names of signed-in viewers and the anonymous count, refreshed on presence changes.
import type { HubResult, PresenceView, RoomContext, RoomPanel } from "./room-types";

interface ViewerView { userId: string; name: string; isCandidate: boolean }
interface ViewersView { sessionId: string; people: ViewerView[]; signedInCandidates: number; signedInOthers: number; anonymous: number }

// Presence changes arrive at most once a second; asking for the list at most every two seconds keeps a busy room cheap.
const MinRefreshMs = 2000;

export function viewersPanel(ctx: RoomContext): RoomPanel | null {
  const list = document.getElementById("viewers") as HTMLUListElement | null;
  const summary = document.querySelector<HTMLElement>("[data-testid=viewers-summary]");
  if (!list || !summary) return null;
  let last = 0;
  let timer: number | undefined;

  async function refresh() {
    last = Date.now();
    if (!ctx.isConnected()) return;
    const result = await ctx.connection.invoke<HubResult<ViewersView>>("GetViewers", ctx.sessionId);
    if (!result.ok || !result.value) { summary!.textContent = result.error?.message ?? ""; return; }
    const v = result.value;
    summary!.textContent = (summary!.dataset.template ?? "")
      .replace("{0}", String(v.signedInCandidates)).replace("{1}", String(v.signedInOthers)).replace("{2}", String(v.anonymous));
    list!.replaceChildren(...v.people.map(p => {
      const li = document.createElement("li");
      li.textContent = p.name; // plain text: names are typed by people
      li.className = p.isCandidate ? "viewer candidate" : "viewer";
      li.dataset.testid = "viewer";
      return li;
    }));
  }

  function schedule() {
    if (timer !== undefined) return;
    const wait = Math.max(0, last + MinRefreshMs - Date.now());
    timer = window.setTimeout(() => { timer = undefined; void refresh(); }, wait);
  }

  ctx.connection.on("PresenceChanged", (p: PresenceView) => { if (p.sessionId === ctx.sessionId) schedule(); });
  return { applySnapshot: () => schedule() };
}
