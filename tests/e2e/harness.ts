/// <reference types="chrome" />
/**
 * Real headless Chromium with the built extension loaded, fixture pages served under their real
 * government host names, and an optional speech-dispatcher of our own whose log shows exactly
 * what the browser was asked to say.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync, readdirSync, mkdirSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { routeFixtures } from '../fixtures/serve.mjs';
import { launchChromium } from '../support/chromium.mjs';

export { EXTENSION_DIR, ROOT } from '../support/chromium.mjs';

export interface SpeechDaemon {
  socket: string;
  env: Record<string, string>;
  /** Every text speech-dispatcher was asked to say, in order. */
  spoken(): string[];
  /** The language and voice set before each text. */
  settings(): { language: string[]; voice: string[] };
  stop(): void;
}

export function startSpeechDaemon(): SpeechDaemon {
  const dir = mkdtempSync(path.join(tmpdir(), 'dede-speechd-'));
  const conf = path.join(dir, 'conf');
  cpSync('/etc/speech-dispatcher', conf, { recursive: true });
  const confFile = path.join(conf, 'speechd.conf');
  let text = readFileSync(confFile, 'utf8')
    .replace(/^\s*#?\s*AudioOutputMethod .*$/gm, '')
    .replace(/^\s*#?\s*AudioALSADevice .*$/gm, '')
    .replace(/^\s*#?\s*LogLevel .*$/gm, '')
    .replace(/^\s*#?\s*DisableAutoSpawn.*$/gm, '');
  text += '\nAudioOutputMethod "alsa"\nAudioALSADevice "null"\nLogLevel 5\n';
  writeFileSync(confFile, text);
  const socket = path.join(dir, 'speechd.sock');
  const pidFile = path.join(dir, 'speechd.pid');
  const logDir = path.join(dir, 'log');
  execFileSync('mkdir', ['-p', logDir]);
  execFileSync('speech-dispatcher', ['-d', '-C', conf, '-c', 'unix_socket', '-S', socket, '-t', '0', '-P', pidFile, '-L', logDir], {
    stdio: 'ignore',
    timeout: 10_000,
  });
  const deadline = Date.now() + 10_000;
  while (!existsSync(socket) && Date.now() < deadline) execFileSync('sleep', ['0.05']);
  if (!existsSync(socket)) throw new Error('speech-dispatcher did not start');
  const log = () => {
    try {
      return readdirSync(logDir)
        .filter((f) => f.startsWith('speech-dispatcher'))
        .map((f) => readFileSync(path.join(logDir, f), 'utf8'))
        .join('\n');
    } catch {
      return '';
    }
  };
  return {
    socket,
    env: { SPEECHD_ADDRESS: `unix_socket:${socket}` },
    spoken: () => [...log().matchAll(/Queueing message \|([\s\S]*?)\|/g)].map((m) => m[1] ?? ''),
    settings: () => ({
      language: [...log().matchAll(/SET SELF LANGUAGE (\S+)/g)].map((m) => m[1] ?? ''),
      voice: [...log().matchAll(/SET SELF SYNTHESIS_VOICE ([^\r\n]+)/g)].map((m) => (m[1] ?? '').trim()),
    }),
    stop() {
      try {
        const pid = Number(readFileSync(pidFile, 'utf8'));
        if (pid) process.kill(pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/** The sample rate of the audio sink and its recordings (16-bit mono). */
export const AUDIO_RATE = 22050;

export interface AudioRecording {
  /** Everything recorded so far. */
  samples(): Int16Array;
  stop(): void;
}

export interface AudioSink {
  env: Record<string, string>;
  /** Records what the browser plays, from now on. */
  record(): AudioRecording;
  stop(): void;
}

/**
 * A PulseAudio daemon of our own with a null sink as the default output: the browser plays into
 * it, and `parec` on its monitor hears exactly what the browser played.
 */
export function startAudioSink(): AudioSink {
  const dir = mkdtempSync(path.join(tmpdir(), 'dede-pulse-'));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const socket = path.join(dir, 'native');
  const env = { ...process.env, XDG_RUNTIME_DIR: dir, HOME: dir, PULSE_SERVER: `unix:${socket}` } as Record<string, string>;
  execFileSync(
    'pulseaudio',
    ['-D', '-n', '--exit-idle-time=-1', '--disallow-exit', '--use-pid-file=yes', `--log-target=file:${path.join(dir, 'pulse.log')}`,
      '-L', `module-native-protocol-unix socket=${socket} auth-anonymous=1`, '-L', `module-null-sink sink_name=dd rate=${AUDIO_RATE} channels=1`],
    { env, stdio: 'ignore', timeout: 15_000 },
  );
  execFileSync('pactl', ['set-default-sink', 'dd'], { env, stdio: 'ignore', timeout: 5000 });
  const format = ['--format=s16le', `--rate=${AUDIO_RATE}`, '--channels=1'];
  // A silent stream keeps the sink running, so a recording's timeline has no holes.
  const keepAlive = spawn('pacat', ['--playback', '--latency-msec=50', '-d', 'dd', ...format], { env, stdio: ['pipe', 'ignore', 'ignore'] });
  const silence = Buffer.alloc(AUDIO_RATE / 10);
  const feed = setInterval(() => keepAlive.stdin?.write(silence), 50);
  const recorders = new Set<ChildProcess>();
  return {
    env: { PULSE_SERVER: `unix:${socket}` },
    record() {
      const file = path.join(dir, `rec-${recorders.size}.raw`);
      const fd = openSync(file, 'w');
      const rec = spawn('parec', ['--latency-msec=20', '-d', 'dd.monitor', ...format], { env, stdio: ['ignore', fd, 'ignore'] });
      closeSync(fd);
      recorders.add(rec);
      return {
        samples() {
          const bytes = readFileSync(file);
          return new Int16Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / 2));
        },
        stop() {
          rec.kill('SIGTERM');
          recorders.delete(rec);
        },
      };
    },
    stop() {
      for (const rec of recorders) rec.kill('SIGTERM');
      clearInterval(feed);
      keepAlive.kill('SIGTERM');
      try {
        const pid = Number(readFileSync(path.join(dir, 'pulse', 'pid'), 'utf8'));
        if (pid) {
          process.kill(pid, 'SIGTERM');
          // Its files go only once it has exited.
          for (let i = 0; i < 50; i++) {
            process.kill(pid, 0);
            execFileSync('sleep', ['0.1']);
          }
        }
      } catch {
        /* gone */
      }
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

export interface Session {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Requests that left the machine's fixture set (the extension must make none). */
  unexpectedRequests: string[];
  /** With `launch({ audio: true })`: the sink the browser plays into. */
  audio?: AudioSink;
  /** Uncaught errors and unhandled rejections seen in pages. */
  pageErrors: string[];
  open(url: string): Promise<Page>;
  /** The settings page for a tab, as the toolbar's settings button opens it. */
  openPopup(forPage?: Page): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  speech?: SpeechDaemon;
  /** UI language of the browser. */
  locale?: 'en' | 'vi';
  width?: number;
  height?: number;
  /** Let the browser play sound, into a PulseAudio sink of our own that tests can record. */
  audio?: boolean;
}

export async function launch(options: LaunchOptions = {}): Promise<Session> {
  const locale = options.locale ?? 'en';
  const audio = options.audio ? startAudioSink() : undefined;
  const { context, profile } = await launchChromium({
    ...(audio ? { ignoreDefaultArgs: ['--mute-audio'] } : {}),
    locale: locale === 'vi' ? 'vi-VN' : 'en-US',
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    args: [`--lang=${locale === 'vi' ? 'vi' : 'en-US'}`, ...(options.speech ? ['--enable-speech-dispatcher'] : [])],
    // Without a daemon of ours, point Chromium at none, so it does not start the system's own.
    env: { LANGUAGE: locale === 'vi' ? 'vi' : 'en_US', SPEECHD_ADDRESS: 'unix_socket:/nonexistent', ...(options.speech?.env ?? {}), ...(audio?.env ?? {}) },
  }).catch((error: unknown) => {
    audio?.stop();
    throw error;
  });
  const unexpectedRequests: string[] = [];
  const pageErrors: string[] = [];
  await routeFixtures(context, (url) => unexpectedRequests.push(url));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  // The browser lists its voices a few seconds after it starts; a reader's browser has long done so.
  if (options.speech) {
    await until(() => worker.evaluate(() => chrome.tts.getVoices().then((v) => v.length)), (n) => n > 0, 20_000, 'voices');
  }
  const watch = (page: Page) => page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  context.on('page', watch);
  for (const p of context.pages()) watch(p);

  return {
    context,
    extensionId,
    worker,
    unexpectedRequests,
    ...(audio ? { audio } : {}),
    pageErrors,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async openPopup(forPage) {
      const tabId = forPage ? await tabIdOf(worker, forPage.url()) : undefined;
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html${tabId ? `?tab=${tabId}` : ''}`);
      return page;
    },
    async close() {
      await context.close();
      audio?.stop();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function tabIdOf(worker: Worker, url: string): Promise<number | undefined> {
  return worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id;
  }, url);
}

/** The in-page toolbar's button with this accessible name. */
export function toolbarButton(page: Page, name: string) {
  return page.locator('dede-toolbar').getByRole('button', { name, exact: true });
}

/** Waits until `predicate` holds, polling; fails with `message` after `timeout` ms. */
export async function until<T>(probe: () => T | Promise<T>, predicate: (v: T) => boolean, timeout = 5000, message = 'condition'): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T = await probe();
  while (!predicate(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${message}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await probe();
  }
  return last;
}
