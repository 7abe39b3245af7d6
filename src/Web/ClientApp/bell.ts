// The bell in the top bar: one hub connection per signed-in page; a new notification bumps the unread count and shows
// its title for a few seconds, so a reminder is seen without a reload.
import { HubConnectionBuilder, LogLevel } from "@microsoft/signalr";

interface NotificationView { id: string; kind: string; title: string; body: string; link: string | null; createdAt: string }

const bell = document.getElementById("notification-bell") as HTMLElement | null;
if (bell) {
  const count = bell.querySelector<HTMLElement>("[data-testid=bell-count]")!;
  const toast = document.querySelector<HTMLElement>("[data-testid=bell-toast]")!;
  const connection = new HubConnectionBuilder()
    .withUrl(bell.dataset.hubUrl!, { withCredentials: true })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(1000 * 2 ** ctx.previousRetryCount, 30000) })
    .configureLogging(LogLevel.Warning)
    .build();
  let hideTimer: number | undefined;
  connection.on("NotificationAdded", (n: NotificationView) => {
    count.textContent = String((Number(count.textContent) || 0) + 1);
    count.hidden = false;
    toast.textContent = (bell.dataset.textNew ?? "") + n.title;
    toast.hidden = false;
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(() => { toast.hidden = true; }, 8000);
  });
  connection.onreconnected(() => { bell.dataset.connected = "true"; });
  connection.onreconnecting(() => { bell.dataset.connected = "false"; });
  connection.start()
    .then(() => { bell.dataset.connected = "true"; })
    .catch(() => { /* the count drawn with the page still stands; the next page load tries again */ });
}
