import { cleanName, cyrillicCandidates, parsePassengerName, titleCase, toLatin } from '../names';
import type { TouristDraft } from './types';

export const ASSIST_ACTIONS = ['latToRu', 'ruToLat', 'splitGender', 'splitName', 'clean'] as const;
export type AssistAction = (typeof ASSIST_ACTIONS)[number];

const toRussian = (latin: string) => titleCase(cyrillicCandidates(latin, 1)[0] ?? '');

/**
 * The assist buttons of the import (R7), one draft at a time: Latin to Russian and back (filling
 * only what is empty), a surname cell holding a title (IVANOVA MRS) or a first name (IVANOV IVAN)
 * split apart, and invalid characters removed.
 */
export function applyAssist(draft: TouristDraft, action: AssistAction): TouristDraft {
  const next = { ...draft };
  switch (action) {
    case 'latToRu':
      if (!next.lastNameRu && next.lastNameLat) next.lastNameRu = toRussian(next.lastNameLat) || undefined;
      if (!next.firstNameRu && next.firstNameLat)
        next.firstNameRu = toRussian(next.firstNameLat) || undefined;
      break;
    case 'ruToLat':
      if (!next.lastNameLat && next.lastNameRu) next.lastNameLat = toLatin(next.lastNameRu).toUpperCase();
      if (!next.firstNameLat && next.firstNameRu) next.firstNameLat = toLatin(next.firstNameRu).toUpperCase();
      break;
    case 'splitGender':
    case 'splitName':
      for (const script of ['Lat', 'Ru'] as const) {
        const surname = next[`lastName${script}`];
        if (!surname || !/\s|\//.test(surname)) continue;
        const parsed = parsePassengerName(surname)[0];
        if (!parsed) continue;
        next[`lastName${script}`] = parsed.lastName;
        if (action === 'splitName' && parsed.firstName && !next[`firstName${script}`])
          next[`firstName${script}`] = parsed.firstName;
        if (action === 'splitName' && script === 'Ru' && parsed.middleName && !next.middleNameRu)
          next.middleNameRu = parsed.middleName;
        if (parsed.gender && !next.gender) next.gender = parsed.gender;
        if (action === 'splitGender' && parsed.firstName && !parsed.title)
          next[`lastName${script}`] = surname.replace(/\s+(MR|MRS|MS|MISS|MSTR)$/i, '');
      }
      break;
    case 'clean':
      for (const field of ['lastNameRu', 'firstNameRu', 'middleNameRu'] as const)
        if (next[field]) next[field] = cleanName(next[field]!, 'cyrillic');
      for (const field of ['lastNameLat', 'firstNameLat'] as const)
        if (next[field]) next[field] = cleanName(next[field]!, 'latin');
      break;
  }
  for (const key of Object.keys(next) as (keyof TouristDraft)[])
    if (next[key] === undefined || next[key] === '') delete next[key];
  return next;
}
