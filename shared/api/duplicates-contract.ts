import { z } from 'zod';
import type { CommandDefinitions } from './lazy-commands';
import { clientSchema } from '../domain/client';
import {
  FAMILY_RELATIONS,
  duplicateCandidateSchema,
  familyMemberSchema,
  mergeInputSchema,
  mergePreviewSchema,
  mergeRecordSchema,
} from '../domain/duplicates';
import { schemaOnce } from '../domain/schema-once';
import { idSchema as id } from '../domain/common-schemas';

const scanCursorSchema = schemaOnce(() =>
  z.object({ score: z.number().int().min(0).max(100), a: id(), b: id() }),
);

/** Issue 13: the duplicate finder, merging two cards, families and travel groups. */
export const duplicatesContract = {
  'duplicates.scan': () => ({
    input: z.object({
      limit: z.number().int().min(1).max(5000).default(500),
      /** The `next` of the previous page; none for the first page (a fresh scan). */
      after: scanCursorSchema().nullable().default(null),
    }),
    output: z.object({
      total: z.number().int(),
      candidates: z.array(duplicateCandidateSchema()),
      next: scanCursorSchema().nullable(),
    }),
  }),
  'duplicates.matches': () => ({
    input: z.object({ clientId: id() }),
    output: z.array(duplicateCandidateSchema()),
  }),
  'duplicates.dismiss': () => ({
    input: z.object({ a: id(), b: id() }),
    output: z.object({}),
  }),
  'duplicates.mergePreview': () => ({
    input: z.object({ keepId: id(), mergeId: id() }),
    output: mergePreviewSchema(),
  }),
  'duplicates.merge': () => ({
    input: mergeInputSchema(),
    output: z.object({ client: clientSchema(), undoId: id() }),
  }),
  'duplicates.mergesOf': () => ({
    input: z.object({ clientId: id() }),
    output: z.array(mergeRecordSchema()),
  }),
  'families.list': () => ({
    input: z.object({ clientId: id() }),
    output: z.array(familyMemberSchema()),
  }),
  'families.link': () => ({
    input: z.object({ clientId: id(), otherId: id(), relation: z.enum(FAMILY_RELATIONS) }),
    output: z.array(familyMemberSchema()),
  }),
  'families.unlink': () => ({
    input: z.object({ clientId: id(), linkId: id() }),
    output: z.array(familyMemberSchema()),
  }),
  'families.companions': () => ({
    input: z.object({ tourId: id(), clientId: id() }),
    output: z.array(familyMemberSchema()),
  }),
  'families.tourChecks': () => ({
    input: z.object({ tourId: id() }),
    output: z.object({ minorsWithoutParent: z.array(id()) }),
  }),
} satisfies CommandDefinitions;
