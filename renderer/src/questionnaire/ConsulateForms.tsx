import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField, Subject } from '../../../shared/questionnaire/model';
import type { ConsulateTemplate, TemplateMappingEntry } from '../../../shared/questionnaire/templates';
import { call } from '../api/client';
import { describeErrorDetail } from '../ui/errors';
import { downloadBase64, fileToBase64 } from '../ui/files';
import { useToast } from '../ui/toasts';
import { FitNotes } from './FitNotes';
import { uiLabel } from './ui-label';
import './consulate-forms.css';

/** A mapping target as the select shows it: a field, or one option of a choice field (for a tick box). */
const targetOf = (entry: TemplateMappingEntry | undefined) =>
  entry ? (entry.code === null ? entry.key : `${entry.key}:${entry.code}`) : '';

function MappingEditor({
  template,
  fields,
  onSaved,
}: {
  template: ConsulateTemplate;
  fields: readonly FormField[];
  onSaved: (t: ConsulateTemplate) => void;
}) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const [mapping, setMapping] = useState(template.mapping);
  const [flatten, setFlatten] = useState(template.flatten);
  const choices = fields.flatMap((f) => [
    { value: f.key, label: [f.number, uiLabel(f.label, i18n.language)].filter(Boolean).join(' ') },
    ...f.options.map((o) => ({
      value: `${f.key}:${o.code}`,
      label: `${f.number} ${uiLabel(f.label, i18n.language)}: ${uiLabel(o.label, i18n.language)}`,
    })),
  ]);
  const set = (field: string, target: string) => {
    const rest = mapping.filter((m) => m.field !== field);
    if (target === '') return setMapping(rest);
    const [key, code] = target.split(':');
    setMapping([...rest, { field, key: key!, code: code ?? null, option: null }]);
  };
  const save = () =>
    call('templates.saveMapping', { id: template.id, version: template.version, mapping, flatten }).then(
      onSaved,
      (e: unknown) => toast({ kind: 'error', message: describeErrorDetail(t, e) }),
    );
  return (
    <div className="template-mapping">
      <table className="table">
        <colgroup>
          <col className="template-field-column" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th>{t('questionnaire.templates.field')}</th>
            <th>{t('questionnaire.templates.source')}</th>
          </tr>
        </thead>
        <tbody>
          {template.fields.map((f) => (
            <tr key={f.name}>
              <td>
                <span className="template-field-name">{f.name}</span>{' '}
                <span className="muted small">
                  (
                  {t('questionnaire.templates.where', {
                    kind: t(`questionnaire.templates.kind.${f.kind}`),
                    page: f.page,
                  })}
                  )
                </span>
              </td>
              <td>
                <select
                  aria-label={f.name}
                  value={targetOf(mapping.find((m) => m.field === f.name))}
                  onChange={(e) => set(f.name, e.target.value)}
                >
                  <option value="">—</option>
                  {choices.map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="template-mapping-actions">
        {template.kind === 'pdf' && (
          <label className="checkbox">
            <input type="checkbox" checked={flatten} onChange={(e) => setFlatten(e.target.checked)} />
            {t('questionnaire.templates.flatten')}
          </label>
        )}
        <button type="button" className="primary" onClick={save}>
          {t('questionnaire.templates.saveMapping')}
        </button>
      </div>
    </div>
  );
}

/**
 * The consulate's own fillable PDF or Word form for the country: added once, its fields mapped to
 * the questionnaire's, then filled for each tourist as files to print or send.
 */
export function ConsulateForms({
  country,
  subjects,
  fields,
}: {
  country: string;
  subjects: readonly Subject[];
  fields: readonly FormField[];
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const [templates, setTemplates] = useState<ConsulateTemplate[]>([]);
  const [editing, setEditing] = useState<number | null>(null);
  const fail = useCallback(
    (e: unknown) => toast({ kind: 'error', message: describeErrorDetail(t, e) }),
    [t, toast],
  );
  const load = useCallback(
    () => call('templates.list', { country }).then(setTemplates, fail),
    [country, fail],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const add = async (file: File) => {
    try {
      const added = await call('templates.add', {
        country,
        fileName: file.name,
        base64: await fileToBase64(file),
      });
      setTemplates((list) => [...list, added]);
      setEditing(added.id);
    } catch (e) {
      fail(e);
    }
  };
  const fill = (id: number) =>
    call('templates.fill', { id, subjects: [...subjects] }).then(({ files }) => {
      for (const f of files) downloadBase64(f.fileName, f.base64);
      toast({ kind: 'info', message: t('questionnaire.templates.filled', { n: files.length }) });
    }, fail);
  const remove = (id: number) =>
    call('templates.delete', { id }).then(
      () => setTemplates((list) => list.filter((x) => x.id !== id)),
      fail,
    );

  return (
    <section className="consulate-forms" aria-label={t('questionnaire.templates.title')}>
      <h3>{t('questionnaire.templates.title')}</h3>
      {templates.length === 0 && <p className="muted">{t('questionnaire.templates.none')}</p>}
      <ul className="plain-list">
        {templates.map((tpl) => (
          <li key={tpl.id}>
            <strong>{tpl.name}</strong>{' '}
            <span className="muted">
              {t('questionnaire.templates.mapped', { mapped: tpl.mapping.length, total: tpl.fields.length })}
            </span>{' '}
            <button type="button" className="primary" onClick={() => void fill(tpl.id)}>
              {t('questionnaire.templates.fill', { n: subjects.length })}
            </button>{' '}
            <button type="button" onClick={() => setEditing(editing === tpl.id ? null : tpl.id)}>
              {t('questionnaire.templates.mapping')}
            </button>{' '}
            <button type="button" onClick={() => void remove(tpl.id)}>
              {t('questionnaire.templates.remove')}
            </button>
            <FitNotes template={tpl} subjects={subjects} fields={fields} />
            {editing === tpl.id && (
              <MappingEditor
                template={tpl}
                fields={fields}
                onSaved={(saved) => {
                  setTemplates((list) => list.map((x) => (x.id === saved.id ? saved : x)));
                  setEditing(null);
                }}
              />
            )}
          </li>
        ))}
      </ul>
      <label className="file-button">
        {t('questionnaire.templates.add')}
        <input
          type="file"
          accept=".pdf,.docx"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void add(file);
          }}
        />
      </label>
    </section>
  );
}
