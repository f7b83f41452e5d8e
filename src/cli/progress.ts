import { Presets, SingleBar } from 'cli-progress';
import type { CliIo } from './io.js';

/** A progress bar over a known number of steps; does nothing when not shown. */
export interface Progress {
  /** Sets how many steps are done (of `total`, which may grow). */
  update(done: number, total?: number): void;
  /** Removes the bar (a no-op when already stopped). */
  stop(): void;
}

const NO_PROGRESS: Progress = { update: () => undefined, stop: () => undefined };

/**
 * A cli-progress bar on standard error, shown only when `show` and standard error is a
 * terminal. It redraws synchronously as steps complete (a simulation holds the event loop).
 */
export function startProgress(io: CliIo, show: boolean, label: string, total: number): Progress {
  if (!show || !io.isTTY) return NO_PROGRESS;
  // The terminal of cli-progress writes escape sequences through `write`, and asks `isTTY` and `columns`.
  const stream = { isTTY: true, columns: io.columns ?? 80, write: (text: string) => (io.stderr(text), true) };
  const bar = new SingleBar({
    stream: stream as unknown as NodeJS.WriteStream,
    format: `${label} {bar} {value}/{total} | {duration_formatted}`,
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
    fps: 20,
    gracefulExit: false,
  }, Presets.shades_classic);
  bar.start(total, 0);
  let stopped = false;
  return {
    update(done, newTotal) {
      if (stopped) return;
      if (newTotal !== undefined && newTotal !== bar.getTotal()) bar.setTotal(newTotal);
      bar.update(done);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
