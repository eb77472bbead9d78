import { z } from 'zod';
import { isIsoDate } from './dates';
import { schemaOnce } from './schema-once';

/** A row's id (and a version): the models and the contract share this one definition. */
export const idSchema = schemaOnce(() => z.number().int().positive());

/** A calendar date as the app keeps it (yyyy-mm-dd), refused with the same words everywhere. */
export const isoDateSchema = schemaOnce(() =>
  z.string().refine(isIsoDate, 'not a calendar date (yyyy-mm-dd)'),
);
