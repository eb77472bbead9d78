import { useDroppable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { CLIENT_ONLY_FIELDS, INFO_FIELDS, TARGET_FIELDS, type TargetField } from '../../../shared/import';

const NOT_STORED: ReadonlySet<string> = new Set(INFO_FIELDS);
const CLIENT_ONLY: ReadonlySet<string> = new Set(CLIENT_ONLY_FIELDS);

function Slot({
  field,
  column,
  confidence,
}: {
  field: TargetField;
  column: string | null;
  confidence: number;
}) {
  const { t } = useTranslation();
  const { isOver, setNodeRef } = useDroppable({ id: `slot:${field}` });
  const percent = Math.round(confidence * 100);
  return (
    <div
      ref={setNodeRef}
      className={`slot${column ? ' slot-filled' : ''}${isOver ? ' slot-over' : ''}`}
      data-testid={`slot-${field}`}
    >
      <strong>{t(`import.fields.${field}`)}</strong>
      {NOT_STORED.has(field) && (
        <span className="muted" title={t('import.notStoredHint')}>
          {' '}
          ({t('import.notStored')})
        </span>
      )}
      {CLIENT_ONLY.has(field) && (
        <span className="muted" title={t('import.clientOnlyHint')}>
          {' '}
          ({t('import.clientOnly')})
        </span>
      )}
      {column && (
        <span className="muted" title={confidence < 1 ? t('import.confidence', { percent }) : undefined}>
          ← {column}
          {confidence < 1 && ` (${percent}%)`}
        </span>
      )}
    </div>
  );
}

/** The target fields as drop targets, each naming the column mapped onto it. */
export function MappingSlots({
  mapping,
  confidence,
  titles,
}: {
  mapping: readonly (TargetField | null)[];
  confidence: readonly number[];
  titles: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">{t('import.slots')}</p>
      <div className="slots">
        {TARGET_FIELDS.map((f) => {
          const c = mapping.indexOf(f);
          return (
            <Slot
              key={f}
              field={f}
              column={c >= 0 ? (titles[c] ?? null) : null}
              confidence={c >= 0 ? (confidence[c] ?? 0) : 0}
            />
          );
        })}
      </div>
    </>
  );
}

/** Which field a drag of a column header onto a slot maps it to (null: not a column onto a slot). */
export function droppedMapping(
  activeId: string,
  overId: string | null,
): { column: number; field: TargetField } | null {
  const [kind, column] = activeId.split(':');
  const [slot, field] = overId?.split(':') ?? [];
  if (kind !== 'col' || slot !== 'slot' || !(TARGET_FIELDS as readonly string[]).includes(field ?? ''))
    return null;
  return { column: Number(column), field: field as TargetField };
}
