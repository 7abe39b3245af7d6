// Wire shapes of the live hub (docs/realtime.md) and the contract between the room core and its panels.
import type { HubConnection } from "@microsoft/signalr";

export interface HubError { code: string; message: string }
export interface HubResult<T> { ok: boolean; value: T | null; error: HubError | null }
export interface QuestionView {
  id: string; sessionId: string; authorName: string; text: string; createdAt: string; votes: number; answer: string | null;
  status: "Visible" | "Pending" | "Hidden"; pinnedAt: string | null; answered: boolean;
}
export interface QuestionRemovedView { sessionId: string; questionId: string }
export interface VotesView { sessionId: string; votes: Record<string, number> }
export interface VoteView { questionId: string; voted: boolean; votes: number }
export interface BannedPersonView { userId: string; name: string; bannedAt: string }
export interface ModerationView { sessionId: string; preModeration: boolean; slowModeSeconds: number; banned: BannedPersonView[] }
export interface ModerationQueueView { moderation: ModerationView; pending: QuestionView[]; hidden: QuestionView[] }
export interface PresenceView { sessionId: string; viewers: number; peak: number }
export interface SessionView { id: string; title: string; employerName: string; status: string }
export interface JobCardView {
  id: string; title: string; payMin: number; payMax: number; payUnit: string; hours: string; type: string;
  district: string; street: string; community: string; benefits: string[]; headcount: number; verified: boolean;
}
export interface ShowcaseView { sessionId: string; current: JobCardView | null; lineup: JobCardView[] }
export type VideoState = "StartingSoon" | "Live" | "Reconnecting" | "Ended";
export interface VideoStateView { sessionId: string; state: VideoState; playlistUrl: string }
export interface RoomSnapshot {
  session: SessionView; questions: QuestionView[]; presence: PresenceView; isHost: boolean; canAsk: boolean;
  myVotes: string[]; showcase: ShowcaseView; video: VideoStateView;
}

/** What every panel gets: the connection, the session, localized texts, and the room's root element. */
export interface RoomContext {
  connection: HubConnection;
  sessionId: string;
  root: HTMLElement;
  text(key: string): string;
  isConnected(): boolean;
}

/** A panel of the room (questions, showcase): registers its event handlers once, redraws from every snapshot. */
export interface RoomPanel {
  applySnapshot(snapshot: RoomSnapshot): void;
}
