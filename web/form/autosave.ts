/**
 * When drafts are saved: a few seconds after the last change, at once on demand or when the page
 * is being left, never two saves at a time (a change made during a save is saved after it), and
 * not while a version conflict waits for the filer's decision.
 */

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Autosaver {
  /** changes not yet sent */
  private dirty = false;
  private timer: unknown;
  private inFlight: Promise<void> | undefined;
  private paused = false;

  constructor(
    private readonly save: () => Promise<void>,
    private readonly delayMs: number,
    private readonly timers: Timers = browserTimers,
  ) {}

  get hasUnsaved(): boolean {
    return this.dirty;
  }

  get isSaving(): boolean {
    return this.inFlight !== undefined;
  }

  /** A change was made: save after `delayMs` of quiet. */
  changed(): void {
    this.dirty = true;
    this.restart();
  }

  /** Stops autosaving until `resume` (a conflict is shown). */
  pause(): void {
    this.paused = true;
    this.cancelTimer();
  }

  resume(): void {
    this.paused = false;
    if (this.dirty) this.restart();
  }

  /** Saves now (the 保存 button, or before switching year); resolves when saved or failed. */
  async flush(): Promise<void> {
    this.cancelTimer();
    if (this.inFlight) await this.inFlight.catch(() => undefined);
    if (!this.dirty || this.paused) return;
    this.dirty = false;
    const run = this.save().catch((error: unknown) => {
      // Not saved: keep it dirty so the next change or flush tries again.
      this.dirty = true;
      throw error;
    });
    this.inFlight = run.finally(() => {
      this.inFlight = undefined;
    });
    await this.inFlight;
  }

  /** Marks everything as saved (after loading, or after a submit wrote the draft too). */
  settled(): void {
    this.dirty = false;
    this.cancelTimer();
  }

  private restart(): void {
    this.cancelTimer();
    if (this.paused) return;
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      this.flush().catch(() => undefined);
    }, this.delayMs);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }
}
