// My applications: listens on the live hub for ApplicationStatusChanged (sent to this person only) and updates the
// row's status in place, so a candidate sees "邀请面试" the moment the recruiter moves it. No room is joined.
import { HubConnectionBuilder, LogLevel } from "@microsoft/signalr";

interface ApplicationStatusView {
  applicationId: string; jobId: string; jobTitle: string; employerName: string; status: string; reason: string | null; changedAt: string;
}

const list = document.getElementById("my-applications") as HTMLElement;
const labels = JSON.parse(list.dataset.labels ?? "{}") as Record<string, string>;
const label = (status: string) => labels[status] ?? status;

const connection = new HubConnectionBuilder()
  .withUrl(list.dataset.hubUrl!, { withCredentials: true })
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(1000 * 2 ** ctx.previousRetryCount, 10000) })
  .configureLogging(LogLevel.Warning)
  .build();

connection.on("ApplicationStatusChanged", (change: ApplicationStatusView) => {
  const row = list.querySelector<HTMLElement>(`[data-application-id="${change.applicationId}"]`);
  if (!row) { location.reload(); return; } // applied elsewhere since the page loaded: the server draws the new row
  row.querySelector<HTMLElement>("[data-testid=my-application-status]")!.textContent = label(change.status);
  row.querySelector<HTMLElement>("[data-testid=my-application-reason]")!.textContent = change.reason ?? "";
  if (["Hired", "Rejected", "Withdrawn"].includes(change.status)) row.querySelector("form")?.remove();
});

// Changes made while the connection was down are on the server: reload once it is back.
connection.onreconnected(() => location.reload());
connection.start().catch(() => { /* the page still shows the statuses as loaded */ });
