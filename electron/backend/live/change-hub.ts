import type { ChangeEvent } from '../../../shared/api/live-events';

export type ChangeListener = (event: ChangeEvent) => void;

/** Where this app's transports (IPC, Server-Sent Events) pick up other clerks' changes. */
export class ChangeHub {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ChangeEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // One broken window or closed stream never keeps the others from hearing.
      }
    }
  }
}
