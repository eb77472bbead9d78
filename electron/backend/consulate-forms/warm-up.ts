import { fillPdf, type PdfValues } from './pdf-form';

/**
 * The first fills in a process run pdf-lib and fontkit cold: the first 40 PDFs cost twice the CPU
 * of the next 40 (glyphs parsed on first use, V8 still compiling the hot paths). When the print
 * dialog checks a consulate's PDF, the same form is filled a few times with the same people's
 * values in the background and thrown away, so the clerk's "Fill" finds everything warm.
 */
export const WARM_UP_ROUNDS = 24;

let done = 0;
let running = false;
let stopRequested = false;

/** Starts the background fills unless the process is warm already or they are running. */
export function warmUp(bytes: Uint8Array, people: readonly PdfValues[]): void {
  if (running || done >= WARM_UP_ROUNDS || people.length === 0) return;
  running = true;
  stopRequested = false;
  void (async () => {
    try {
      while (done < WARM_UP_ROUNDS && !stopRequested) {
        // One fill at a time, then the event loop: a clerk's request waits for one fill at most.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (stopRequested) break;
        await fillPdf(bytes, people[done % people.length]!, true);
        done += 1;
      }
    } catch {
      // A value the real fill will refuse (and name) stops the warm-up; nothing is lost.
    } finally {
      running = false;
    }
  })();
}

/** A real fill is starting: the warm-up gives it the processor. */
export function stopWarmUp(): void {
  stopRequested = true;
}

/** For the bench and tests: how many background fills have run in this process. */
export const warmUpRounds = () => done;
