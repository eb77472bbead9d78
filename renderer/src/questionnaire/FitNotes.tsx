import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField, Subject } from '../../../shared/questionnaire/model';
import type { ConsulateTemplate, FittedField } from '../../../shared/questionnaire/templates';
import { call } from '../api/client';
import { uiLabel } from './ui-label';

interface Person {
  person: string;
  fitted: FittedField[];
}

/**
 * The print preview's word on a consulate PDF: the values that will not print as the form sets them.
 * One continued on an annex page is named with its person and field; smaller or wrapped ones are
 * counted. Asking also warms the PDF filler up in the background for the Fill that follows.
 */
export function FitNotes({
  template,
  subjects,
  fields,
}: {
  template: ConsulateTemplate;
  subjects: readonly Subject[];
  fields: readonly FormField[];
}) {
  const { t, i18n } = useTranslation();
  const [people, setPeople] = useState<Person[]>([]);
  const { id, kind, version } = template;
  const mapped = template.mapping.length > 0;
  // The dialog hands a new array on each render; the same people must not be checked again.
  const who = JSON.stringify(subjects);

  useEffect(() => {
    setPeople([]);
    const list = JSON.parse(who) as Subject[];
    if (kind !== 'pdf' || !mapped || list.length === 0) return;
    let current = true;
    // A failed check only leaves the notes out: Fill itself names any value it refuses.
    call('templates.check', { id, subjects: list }).then(
      (result) => {
        if (current) setPeople(result.people);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [id, kind, version, mapped, who]);

  const annexed = people.flatMap((p) =>
    p.fitted.filter((f) => f.how === 'annex').map((f) => ({ person: p.person, field: f })),
  );
  const labelOf = (fitted: FittedField) => {
    const field = fields.find((f) => f.key === fitted.key);
    return field
      ? [field.number, uiLabel(field.label, i18n.language)].filter(Boolean).join('. ')
      : fitted.label;
  };
  const smaller = people.reduce((n, p) => n + p.fitted.filter((f) => f.how !== 'annex').length, 0);
  if (annexed.length === 0 && smaller === 0) return null;
  return (
    <div className="fit-notes" role="region" aria-label={t('questionnaire.templates.fitTitle')}>
      {annexed.length > 0 && (
        <>
          <p className="hint-warning">{t('questionnaire.templates.fitTitle')}</p>
          <ul className="missing-list">
            {annexed.map(({ person, field }) => (
              <li key={`${person}-${field.field}`}>
                {t('questionnaire.templates.fitAnnex', { person, field: labelOf(field) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {smaller > 0 && (
        <p className="muted small">{t('questionnaire.templates.fitSmaller', { count: smaller })}</p>
      )}
    </div>
  );
}
