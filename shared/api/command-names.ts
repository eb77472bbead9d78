/**
 * The names of the contract's commands, without their schemas, so the sandboxed preload can check a
 * name without bundling zod. contract.ts fails to compile when the two lists differ.
 */
export const COMMAND_NAMES = [
  'app.info',
  'settings.get',
  'settings.set',
  'clients.list',
  'clients.get',
  'clients.save',
  'clients.delete',
  'clients.restore',
  'clients.citizenships',
] as const;

export type CommandNameList = (typeof COMMAND_NAMES)[number];
