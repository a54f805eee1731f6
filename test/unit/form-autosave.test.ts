import { describe, expect, it } from 'vitest';
import { Autosaver, type Timers } from '../../web/form/autosave.js';

function fakeTimers() {
  let pending: { fn: () => void; ms: number } | undefined;
  const timers: Timers = {
    set: (fn, ms) => (pending = { fn, ms }),
    clear: () => (pending = undefined),
  };
  return { timers, fire: () => pending?.fn(), get pending() { return pending; } };
}

describe('Autosaver', () => {
  it('saves once after the quiet period following the last change', async () => {
    const clock = fakeTimers();
    let saves = 0;
    const saver = new Autosaver(async () => void saves++, 3000, clock.timers);
    saver.changed();
    saver.changed();
    expect(clock.pending?.ms).toBe(3000);
    clock.fire();
    await saver.flush();
    expect(saves).toBe(1);
    expect(saver.hasUnsaved).toBe(false);
  });

  it('keeps changes unsaved when the save fails', async () => {
    const saver = new Autosaver(async () => { throw new Error('409'); }, 3000, fakeTimers().timers);
    saver.changed();
    await expect(saver.flush()).rejects.toThrow('409');
    expect(saver.hasUnsaved).toBe(true);
  });

  it('does not save while paused for a conflict, and saves again on resume', async () => {
    const clock = fakeTimers();
    let saves = 0;
    const saver = new Autosaver(async () => void saves++, 3000, clock.timers);
    saver.pause();
    saver.changed();
    expect(clock.pending).toBeUndefined();
    await saver.flush();
    expect(saves).toBe(0);
    saver.resume();
    await saver.flush();
    expect(saves).toBe(1);
  });

  it('saves a change made during a save after that save', async () => {
    let release!: () => void;
    const bodies: number[] = [];
    let n = 0;
    const saver = new Autosaver(
      () => {
        bodies.push(++n);
        return bodies.length === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
      },
      3000,
      fakeTimers().timers,
    );
    saver.changed();
    const first = saver.flush();
    saver.changed();
    const second = saver.flush();
    release();
    await first;
    await second;
    expect(bodies).toEqual([1, 2]);
  });
});
