// The viewer's live picture. Plays the session's HLS playlist with hls.js (loaded only when a room has video to
// play), or the browser's own HLS where there is no Media Source. Shows the video state (starting soon, live,
// reconnecting, ended) in plain words and recovers from network and media errors without a reload.
import type { RoomContext, RoomPanel, VideoStateView } from "./room-types";
import { panelTexts } from "./showcase-http";

type HlsInstance = import("hls.js").default;

export function playerPanel(ctx: RoomContext): RoomPanel | null {
  const panel = document.getElementById("video-panel");
  if (!panel) return null;
  const t = panelTexts(panel, "#video-texts");
  const video = panel.querySelector<HTMLVideoElement>("#live-video")!;
  const stateEl = panel.querySelector<HTMLElement>("[data-testid=video-state]")!;
  const sound = panel.querySelector<HTMLButtonElement>("#video-sound")!;
  let hls: HlsInstance | null = null;
  let playing = "";

  function show(state: string, label = t(`Video.${state}`)) {
    panel!.dataset.state = state;
    stateEl.textContent = label;
  }

  async function startPlayback() {
    try {
      await video.play();
    } catch {
      // Browsers refuse sound before the person has touched the page: play muted and offer sound.
      video.muted = true;
      sound.hidden = false;
      await video.play().catch(() => undefined);
    }
  }

  async function play(url: string) {
    if (playing === url) return;
    stop();
    playing = url;
    // hls.js over Media Source wherever it works (Chrome's own HLS player cannot parse every stream yet); the
    // browser's own HLS only where there is no Media Source (Safari on older iPhones).
    const { default: Hls } = await import("hls.js/light");
    if (!Hls.isSupported()) {
      if (!video.canPlayType("application/vnd.apple.mpegurl")) { show("Error", t("Video.CannotPlay")); return; }
      video.src = url;
    } else {
      const instance = new Hls({
        // Two segments behind the live edge (1-2 s each) keeps glass-to-glass latency to a few seconds.
        liveSyncDurationCount: 2, liveMaxLatencyDurationCount: 5, maxLiveSyncPlaybackRate: 1.5, backBufferLength: 30,
        manifestLoadingMaxRetry: 10, levelLoadingMaxRetry: 10, fragLoadingMaxRetry: 10,
      });
      instance.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        if (data.type === Hls.ErrorTypes.NETWORK_ERROR) instance.startLoad();
        else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) instance.recoverMediaError();
        else { playing = ""; setTimeout(() => play(url), 2000); }
      });
      instance.loadSource(url);
      instance.attachMedia(video);
      hls = instance;
    }
    await startPlayback();
  }

  function stop() {
    hls?.destroy();
    hls = null;
    if (video.getAttribute("src")) { video.removeAttribute("src"); video.load(); }
    playing = "";
  }

  function apply(view: VideoStateView) {
    if (view.sessionId !== ctx.sessionId) return;
    show(view.state);
    if (view.state === "Live" || view.state === "Reconnecting") void play(view.playlistUrl);
    else if (view.state === "Ended") stop();
  }

  sound.addEventListener("click", () => { video.muted = false; sound.hidden = true; void video.play(); });
  ctx.connection.on("VideoStateChanged", apply);
  return { applySnapshot: snapshot => apply(snapshot.video) };
}
