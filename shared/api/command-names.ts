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
  'clients.lookup',
  'clients.history',
  'countries.list',
  'countries.save',
  'tours.list',
  'tours.get',
  'tours.save',
  'tours.exportTourists',
  'tourists.save',
  'tourists.delete',
  'tourists.bindServices',
  'import.readFile',
  'import.match',
  'import.commit',
  'import.undo',
] as const;

export type CommandNameList = (typeof COMMAND_NAMES)[number];
