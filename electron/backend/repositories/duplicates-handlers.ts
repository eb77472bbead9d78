import type { duplicatesContract } from '../../../shared/api/duplicates-contract';
import type { RepositoryContext } from '../context';
import type { Handlers } from '../dispatch';
import type { ClientsRepository } from './clients';
import { DuplicatesRepository } from './duplicates';
import { FamiliesRepository } from './families';
import { MergeRepository } from './merge';
import { mustExist } from './must-exist';

type DuplicatesHandlers = Pick<Handlers, keyof typeof duplicatesContract>;

/** Issue 13's commands, wired to their repositories; index.ts spreads them into the dispatch. */
export function duplicatesHandlers(ctx: RepositoryContext, clients: ClientsRepository): DuplicatesHandlers {
  const duplicates = new DuplicatesRepository(ctx);
  const merges = new MergeRepository(ctx, clients);
  const families = new FamiliesRepository(ctx);
  return {
    'duplicates.scan': ({ limit, after }) => duplicates.scan(limit, after),
    'duplicates.matches': ({ clientId }) => duplicates.matchesFor(clientId),
    'duplicates.dismiss': async ({ a, b }) => {
      await duplicates.dismiss(a, b);
      return {};
    },
    'duplicates.mergePreview': ({ keepId, mergeId }) => merges.preview(keepId, mergeId),
    'duplicates.merge': (input) => merges.merge(input),
    'duplicates.mergesOf': async ({ clientId }) => {
      await mustExist(ctx.db, 'clients', clientId, 'client');
      return merges.mergesOf(clientId);
    },
    'families.list': async ({ clientId }) => {
      await mustExist(ctx.db, 'clients', clientId, 'client');
      return families.members(clientId);
    },
    'families.link': ({ clientId, otherId, relation }) => families.link(clientId, otherId, relation),
    'families.unlink': ({ clientId, linkId }) => families.unlink(clientId, linkId),
    'families.companions': async ({ tourId, clientId }) => {
      await mustExist(ctx.db, 'tours', tourId, 'tour');
      await mustExist(ctx.db, 'clients', clientId, 'client');
      return families.companionsFor(tourId, clientId);
    },
    'families.tourChecks': async ({ tourId }) => ({
      minorsWithoutParent: await families.minorsWithoutParent(tourId),
    }),
  };
}
