/** The single IPC channel between preload and main; every command travels on it. */
export const IPC_CHANNEL = 'tourdesk:invoke';

/** What the preload script exposes as window.api, and what browser mode imitates over HTTP. */
export interface WindowApi {
  invoke: (name: string, input: unknown) => Promise<unknown>;
  shell: 'electron';
}
