import { z } from 'zod';
import { TARGET_FIELDS, type TargetField } from './types';
import { schemaOnce } from '../domain/schema-once';

/** A column the clerk mapped by hand (null: "do not load"), by its index in the header row. */
export interface ManualMapping {
  column: number;
  field: TargetField | null;
}

const manualMappingSchema = schemaOnce(() =>
  z.object({
    column: z.number().int().nonnegative().max(1000),
    field: z.enum(TARGET_FIELDS).nullable(),
  }),
);
const layoutEntrySchema = schemaOnce(() => z.array(manualMappingSchema()).max(1000));

/**
 * The `import.mappings` setting: per header layout (headerLayoutKey), the columns mapped by hand.
 * Automatic mappings are never stored: detection redoes them, and may do better next time.
 */
export type RememberedMappings = Record<string, ManualMapping[]>;

/**
 * The stored setting, read entry by entry: an entry of another shape (the earlier format, which
 * also held automatic mappings, or a damaged one) is left out rather than spoiling the others.
 */
export function parseRememberedMappings(stored: unknown): RememberedMappings {
  const all = z.record(z.string(), z.unknown()).safeParse(stored);
  if (!all.success) return {};
  const result: RememberedMappings = {};
  for (const [layout, entry] of Object.entries(all.data)) {
    const parsed = layoutEntrySchema().safeParse(entry);
    if (parsed.success) result[layout] = parsed.data;
  }
  return result;
}

/** The hand mappings remembered for a header layout that fit its width (none: an empty list). */
export function rememberedFor(stored: unknown, layout: string, width: number): ManualMapping[] {
  return (parseRememberedMappings(stored)[layout] ?? []).filter((m) => m.column < width);
}

/** The setting with this layout's hand mappings replaced (and the layout dropped when there are none). */
export function withRemembered(stored: unknown, layout: string, manual: ManualMapping[]): RememberedMappings {
  const { [layout]: _previous, ...others } = parseRememberedMappings(stored);
  return manual.length > 0 ? { ...others, [layout]: manual } : others;
}
