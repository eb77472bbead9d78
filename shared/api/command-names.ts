import { DUPLICATES_COMMAND_NAMES } from './duplicates-command-names';
import { VISA_COMMAND_NAMES } from './visa-command-names';
import { LOYALTY_COMMAND_NAMES } from './loyalty-command-names';
import { CRYPTO_COMMAND_NAMES } from './crypto-command-names';
import { OFFICE_COMMAND_NAMES } from './office-command-names';

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
  'clients.citizenships',
  'clients.lookup',
  'clients.history',
  'countries.list',
  'countries.save',
  'countries.exportBook',
  'countries.importBook',
  'forms.list',
  'forms.get',
  'forms.save',
  'forms.delete',
  'forms.saveField',
  'forms.deleteField',
  'forms.exportBook',
  'forms.importBook',
  'dictionary.list',
  'dictionary.save',
  'dictionary.delete',
  'dictionary.exportBook',
  'dictionary.importBook',
  'questionnaire.open',
  'questionnaire.save',
  'questionnaire.copy',
  'questionnaire.print',
  'tours.list',
  'tours.get',
  'tours.save',
  'tours.exportTourists',
  'tours.delete',
  'tours.copy',
  'tourists.save',
  'tourists.delete',
  'tourists.bindServices',
  'undo.list',
  'undo.apply',
  'consents.list',
  'consents.save',
  'clients.exportPersonalData',
  'clients.forget',
  'backup.list',
  'backup.create',
  'backup.restore',
  'import.readFile',
  'import.readProgress',
  'import.match',
  'import.commit',
  'import.undo',
  ...LOYALTY_COMMAND_NAMES,
  ...DUPLICATES_COMMAND_NAMES,
  ...VISA_COMMAND_NAMES,
  ...CRYPTO_COMMAND_NAMES,
  ...OFFICE_COMMAND_NAMES,
] as const;

export type CommandNameList = (typeof COMMAND_NAMES)[number];
