import { useDraggable } from '@dnd-kit/core';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TARGET_FIELDS, type TargetField } from '../../../shared/import';

/** A source column's header: dragged onto a slot, or mapped with the list below it. */
export const ColumnHeader = memo(function ColumnHeader({
  index,
  title,
  field,
  onMap,
  resizer,
}: {
  index: number;
  title: string;
  field: TargetField | null;
  onMap: (column: number, field: TargetField | null) => void;
  /** The width handle at the header's right edge. */
  resizer?: ReactNode;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: `col:${index}` });
  return (
    <div
      className={`import-th${isDragging ? ' dragging' : ''}`}
      style={
        transform ? { transform: `translate(${transform.x}px, ${transform.y}px)`, zIndex: 10 } : undefined
      }
    >
      <div
        ref={setNodeRef}
        {...listeners}
        {...attributes}
        className="drag-handle"
        data-testid={`column-${index}`}
        title={title}
      >
        ⠿ {title}
      </div>
      <select
        aria-label={`${title}: ${t('import.slots')}`}
        value={field ?? ''}
        onChange={(e) => onMap(index, (e.target.value || null) as TargetField | null)}
      >
        <option value="">{t('import.unmapped')}</option>
        {TARGET_FIELDS.map((f) => (
          <option key={f} value={f}>
            {t(`import.fields.${f}`)}
          </option>
        ))}
      </select>
      {resizer}
    </div>
  );
});
