// The host's browser broadcast: camera preview, device pickers, mute and camera-off, then MediaRecorder chunks
// (~1 s each) POSTed in order to Realtime's ingest, retried with backoff. Each recorder run is an epoch: a reload,
// a device change or an ffmpeg restart on the server starts the next one, and viewers' stream simply continues.
import type { HubResult, RoomContext, RoomPanel, VideoStateView } from "./room-types";
import { panelTexts } from "./showcase-http";

// H.264 is copied by the server (cheap), so H.264 in MP4 beats VP8/VP9, which are transcoded; MP4 with AAC is what
// Safari records.
const MimeTypes = ["video/webm;codecs=h264,opus", "video/webm;codecs=avc1,opus", "video/mp4;codecs=avc1,opus",
  "video/webm;codecs=vp8,opus", "video/webm;codecs=vp9,opus", "video/webm", "video/mp4;codecs=avc1,mp4a.40.2", "video/mp4"];
const ChunkMs = 1000;
const MaxAttempts = 6;

interface Problem { status: number; code?: string }

export function broadcastPanel(ctx: RoomContext): RoomPanel | null {
  const panel = document.getElementById("broadcast-panel");
  if (!panel) return null;
  const t = panelTexts(panel, "#video-texts");
  const $ = <T extends HTMLElement>(id: string) => panel.querySelector<T>(`#${id}`);
  const endButton = $<HTMLButtonElement>("session-end")!;
  endButton.addEventListener("click", () => void end());
  const preview = $<HTMLVideoElement>("broadcast-preview");
  if (!preview || panel.dataset.ffmpegMissing === "true") return { applySnapshot: () => undefined };

  const status = panel.querySelector<HTMLElement>("[data-testid=broadcast-status]")!;
  const cameras = $<HTMLSelectElement>("broadcast-camera")!;
  const microphones = $<HTMLSelectElement>("broadcast-microphone")!;
  const startButton = $<HTMLButtonElement>("broadcast-start")!;
  const stopButton = $<HTMLButtonElement>("broadcast-stop")!;
  const muteButton = $<HTMLButtonElement>("broadcast-mute")!;
  const cameraButton = $<HTMLButtonElement>("broadcast-camera-off")!;
  const say = (key: string) => { status.textContent = t(key); };

  let stream: MediaStream | null = null;
  let recorder: MediaRecorder | null = null;
  let epoch = 0;
  let muted = false;
  let cameraOff = false;
  let sending: Promise<void> = Promise.resolve();

  async function openDevices() {
    stream?.getTracks().forEach(track => track.stop());
    const video: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 25 } };
    if (cameras.value) video.deviceId = { exact: cameras.value };
    stream = await navigator.mediaDevices.getUserMedia({ video, audio: microphones.value ? { deviceId: { exact: microphones.value } } : true });
    stream.getAudioTracks().forEach(track => { track.enabled = !muted; });
    stream.getVideoTracks().forEach(track => { track.enabled = !cameraOff; });
    preview!.srcObject = stream;
    await fillPickers();
  }

  async function fillPickers() {
    const devices = await navigator.mediaDevices.enumerateDevices();
    const fill = (select: HTMLSelectElement, kind: MediaDeviceKind, current: string | undefined) => {
      select.replaceChildren(...devices.filter(d => d.kind === kind).map((d, i) => {
        const option = new Option(d.label || `${select.labels?.[0]?.firstChild?.textContent?.trim() ?? kind} ${i + 1}`, d.deviceId);
        option.selected = d.deviceId === current;
        return option;
      }));
    };
    fill(cameras, "videoinput", stream?.getVideoTracks()[0]?.getSettings().deviceId);
    fill(microphones, "audioinput", stream?.getAudioTracks()[0]?.getSettings().deviceId);
  }

  async function post(url: string, body?: Blob): Promise<{ ok: true; value: unknown } | { ok: false; problem: Problem }> {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(url, { method: "POST", body, credentials: "include" });
        if (response.ok) return { ok: true, value: await response.json() };
        const problem = await response.json().catch(() => ({})) as { code?: string };
        // Server errors and overload are worth a retry; a refusal (4xx) is an answer.
        if (response.status < 500 || response.status === 503 || attempt >= MaxAttempts)
          return { ok: false, problem: { status: response.status, code: problem.code } };
      } catch {
        if (attempt >= MaxAttempts) return { ok: false, problem: { status: 0 } };
      }
      say("Studio.Retrying");
      await new Promise(r => setTimeout(r, Math.min(500 * 2 ** attempt, 8000)));
    }
  }

  function pickMimeType() {
    return MimeTypes.find(type => MediaRecorder.isTypeSupported(type)) ?? "";
  }

  async function startEpoch(): Promise<boolean> {
    const mimeType = pickMimeType();
    const started = await post(`/ingest/${ctx.sessionId}/epochs?type=${encodeURIComponent(mimeType)}`);
    if (!started.ok) { fail(started.problem); return false; }
    const myEpoch = epoch = (started.value as { epoch: number }).epoch;
    let sequence = 0;
    const options = { mimeType, videoBitsPerSecond: 1_200_000, audioBitsPerSecond: 64_000, videoKeyFrameIntervalDuration: ChunkMs };
    const next = new MediaRecorder(stream!, options as MediaRecorderOptions);
    next.ondataavailable = event => {
      if (event.data.size === 0) return;
      const seq = sequence++;
      sending = sending.then(() => sendChunk(myEpoch, seq, event.data));
    };
    next.start(ChunkMs);
    recorder = next;
    say("Studio.Broadcasting");
    return true;
  }

  async function sendChunk(chunkEpoch: number, sequence: number, data: Blob) {
    if (chunkEpoch !== epoch) return; // an abandoned epoch's leftovers
    const sent = await post(`/ingest/${ctx.sessionId}/${chunkEpoch}/${sequence}`, data);
    if (sent.ok) { if (recorder) say("Studio.Broadcasting"); return; }
    if (sent.problem.code === "conflict.video.epoch_over" && chunkEpoch === epoch && recorder) {
      // The server's ffmpeg stopped (it died, or this tab was away too long): continue as a new epoch.
      await restartRecorder();
      return;
    }
    fail(sent.problem);
  }

  async function restartRecorder() {
    stopRecorder();
    if (stream) await startEpoch();
    showControls();
  }

  function stopRecorder() {
    epoch = 0;
    const current = recorder;
    recorder = null;
    if (current && current.state !== "inactive") current.stop();
  }

  function fail(problem: Problem) {
    stopRecorder();
    showControls();
    say(problem.status === 503 ? "Studio.NoFfmpeg" : problem.code === "conflict.session.not_live" ? "Studio.Ended" : "Studio.Failed");
  }

  function showControls() {
    startButton.hidden = recorder !== null;
    stopButton.hidden = recorder === null;
    muteButton.textContent = t(muted ? "Studio.Unmute" : "Studio.Mute");
    cameraButton.textContent = t(cameraOff ? "Studio.CameraOn" : "Studio.CameraOff");
  }

  async function start() {
    startButton.disabled = true;
    try {
      if (typeof MediaRecorder === "undefined" || !pickMimeType()) { say("Studio.NoRecorder"); return; }
      if (!stream) await openDevices();
      const live = await ctx.connection.invoke<HubResult<VideoStateView>>("GoLive", ctx.sessionId);
      if (!live.ok) { status.textContent = live.error?.message ?? t("Studio.Failed"); return; }
      await startEpoch();
    } catch {
      say("Studio.NoCamera");
    } finally {
      startButton.disabled = false;
      showControls();
    }
  }

  async function end() {
    if (!window.confirm(t("Studio.EndConfirm"))) return;
    stopRecorder();
    await sending; // the last chunks reach the recording before it is closed
    const ended = await ctx.connection.invoke<HubResult<VideoStateView>>("EndSession", ctx.sessionId);
    status.textContent = ended.ok ? t("Studio.Ended") : ended.error?.message ?? t("Studio.Failed");
    stream?.getTracks().forEach(track => track.stop());
    stream = null;
    showControls();
  }

  startButton.addEventListener("click", () => void start());
  stopButton.addEventListener("click", () => { stopRecorder(); say("Studio.Stopped"); showControls(); });
  muteButton.addEventListener("click", () => {
    muted = !muted;
    stream?.getAudioTracks().forEach(track => { track.enabled = !muted; });
    showControls();
  });
  cameraButton.addEventListener("click", () => {
    // A disabled track sends black frames: the stream (and viewers' player) keeps going.
    cameraOff = !cameraOff;
    stream?.getVideoTracks().forEach(track => { track.enabled = !cameraOff; });
    showControls();
  });
  const switchDevice = async () => {
    const wasLive = recorder !== null;
    stopRecorder();
    try { await openDevices(); } catch { say("Studio.NoCamera"); return; }
    if (wasLive) await startEpoch(); // a recorder cannot change tracks: the new device starts a new epoch
    showControls();
  };
  cameras.addEventListener("change", () => void switchDevice());
  microphones.addEventListener("change", () => void switchDevice());

  openDevices().then(() => say("Studio.Preview"), () => say("Studio.NoCamera"));
  showControls();
  return {
    applySnapshot: snapshot => {
      if (snapshot.video.state === "Ended") { stopRecorder(); say("Studio.Ended"); showControls(); }
    },
  };
}
