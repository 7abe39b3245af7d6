// The job showcase (带岗) panel: the job being presented and the lineup.
import type { RoomContext, RoomPanel, RoomSnapshot } from "./room-types";

export function showcasePanel(_ctx: RoomContext): RoomPanel {
  return {
    applySnapshot(_snapshot: RoomSnapshot) {
      // Drawn by the showcase module once the snapshot carries the lineup.
    },
  };
}
