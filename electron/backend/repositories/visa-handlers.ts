import type { Subject } from '../../../shared/questionnaire/model';
import type { RepositoryContext } from '../context';
import { ConsulateTemplatesRepository } from './consulate-templates';
import type { QuestionnairesRepository } from './questionnaires';

/** Issue 16's command handlers: the consulates' own forms. */
export function visaHandlers(ctx: RepositoryContext, questionnaires: QuestionnairesRepository) {
  const templates = new ConsulateTemplatesRepository(ctx, questionnaires);
  return {
    'templates.list': ({ country }: { country: string }) => templates.list(country),
    'templates.add': (input: { country: string; fileName: string; base64: string }) => templates.add(input),
    'templates.saveMapping': (input: Parameters<ConsulateTemplatesRepository['saveMapping']>[0]) =>
      templates.saveMapping(input),
    'templates.delete': ({ id }: { id: number }) => templates.remove(id),
    'templates.fill': ({ id, subjects }: { id: number; subjects: Subject[] }) => templates.fill(id, subjects),
    'templates.check': ({ id, subjects }: { id: number; subjects: Subject[] }) =>
      templates.check(id, subjects),
  };
}
