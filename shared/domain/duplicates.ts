import { z } from 'zod';
import { CLIENT_CARD_FIELDS, clientSchema } from './client';
import { multiline } from './safe-text';
import { schemaOnce } from './schema-once';
import { idSchema as id } from './common-schemas';

/** Why two cards may be one person, strongest first. */
export const DUPLICATE_REASONS = [
  'passport',
  'internalPassport',
  'nameBirth',
  'nearNameBirth',
  'phone',
  'email',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** One side of a candidate pair, as the Duplicates screen lists it. */
export const duplicateSideSchema = schemaOnce(() =>
  z.object({
    id: id(),
    name: z.string(),
    nameLat: z.string(),
    birthDate: z.string().nullable(),
    updatedAt: z.string(),
  }),
);

export const duplicateCandidateSchema = schemaOnce(() =>
  z.object({
    a: duplicateSideSchema(),
    b: duplicateSideSchema(),
    score: z.number().int().min(0).max(100),
    reasons: z.array(z.enum(DUPLICATE_REASONS)),
  }),
);
export type DuplicateCandidate = z.infer<ReturnType<typeof duplicateCandidateSchema>>;

/** Fields of a card the clerk chooses one by one when two cards become one. */
export const MERGE_FIELDS = CLIENT_CARD_FIELDS;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const mergeOptionSchema = schemaOnce(() =>
  z.object({
    source: z.enum(['keep', 'merge', 'passport']),
    value: z.string().nullable(),
  }),
);
export type MergeOption = z.infer<ReturnType<typeof mergeOptionSchema>>;

export const mergePreviewSchema = schemaOnce(() =>
  z.object({
    keep: clientSchema(),
    merge: clientSchema(),
    fields: z.array(
      z.object({
        field: z.enum(MERGE_FIELDS),
        options: z.array(mergeOptionSchema()),
        /** Index into options: the newest non-empty value, or the Latin printed in the newest passport. */
        chosen: z.number().int().min(0),
      }),
    ),
    /** Tours where both cards are tourists: the merge keeps one row there (see foldTourist). */
    sharedTours: z.array(z.object({ tourId: id(), voucher: z.string() })),
    /** How many documents the united card gets, and how many were the same passport twice. */
    documents: z.number().int(),
    foldedDocuments: z.number().int(),
  }),
);
export type MergePreview = z.infer<ReturnType<typeof mergePreviewSchema>>;

/**
 * A chosen value: an object over the merge fields rather than a record, so the forbidden-character
 * check knows each field, and notes and preferences keep their line breaks as on the card.
 */
const mergeValue = schemaOnce(() => z.string().max(5000).nullable().optional());
const mergeMultiline = schemaOnce(() => multiline(z.string().max(5000)).nullable().optional());

export const mergeInputSchema = schemaOnce(() =>
  z.object({
    keepId: id(),
    keepVersion: id(),
    mergeId: id(),
    mergeVersion: id(),
    /** The value chosen for each field; it must be one the preview offered. */
    values: z.strictObject({
      lastNameRu: mergeValue(),
      firstNameRu: mergeValue(),
      middleNameRu: mergeValue(),
      lastNameLat: mergeValue(),
      firstNameLat: mergeValue(),
      gender: mergeValue(),
      birthDate: mergeValue(),
      birthPlace: mergeValue(),
      citizenship: mergeValue(),
      phone: mergeValue(),
      email: mergeValue(),
      address: mergeValue(),
      notes: mergeMultiline(),
      preferences: mergeMultiline(),
      cardLast4: mergeValue(),
    } satisfies Record<MergeField, z.ZodType>),
  }),
);
export type MergeInput = z.infer<ReturnType<typeof mergeInputSchema>>;

export const FAMILY_RELATIONS = ['spouse', 'parent', 'child', 'sibling', 'group'] as const;
export type FamilyRelation = (typeof FAMILY_RELATIONS)[number];

export const familyMemberSchema = schemaOnce(() =>
  z.object({
    linkId: id(),
    clientId: id(),
    name: z.string(),
    birthDate: z.string().nullable(),
    /** What the member is to the card's client. */
    relation: z.enum(FAMILY_RELATIONS),
  }),
);
export type FamilyMember = z.infer<ReturnType<typeof familyMemberSchema>>;

export const mergeRecordSchema = schemaOnce(() =>
  z.object({
    undoId: id(),
    at: z.string(),
    mergedId: id(),
    name: z.string(),
  }),
);
