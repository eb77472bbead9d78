import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../shared/domain/tour';
import type { Subject } from '../../../shared/questionnaire/model';
import { call } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';
import { countryName } from '../ui/country-name';

export interface Person {
  subject: Subject;
  name: string;
}

interface CopyDialogProps {
  mode: 'takeFrom' | 'copyTo';
  person: Person;
  country: Country;
  people: readonly Person[];
  countries: readonly Country[];
  onDone: () => void;
  onClose: () => void;
}

const keyOf = (p: Person) => `${p.subject.kind}:${p.subject.id}`;

/** "Take information from..." one other questionnaire, or "Copy information to..." several. */
export function CopyDialog({ mode, person, country, people, countries, onDone, onClose }: CopyDialogProps) {
  const { t, i18n } = useTranslation();
  const name = (c: Country) => countryName(c, i18n.language);
  const toast = useToast();
  const others = people.filter((p) => keyOf(p) !== keyOf(person));
  const otherCountries = countries.filter((c) => c.formKey && c.code !== country.code);
  const [chosenPeople, setChosenPeople] = useState<Set<string>>(new Set());
  const [chosenCountries, setChosenCountries] = useState<Set<string>>(new Set());
  const [source, setSource] = useState(
    others[0] ? `person:${keyOf(others[0])}` : `country:${otherCountries[0]?.code ?? ''}`,
  );

  const toggle = (set: Set<string>, value: string) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };

  const run = () => {
    const here = { subject: person.subject, country: country.code };
    let request;
    if (mode === 'takeFrom') {
      const [kind, rest] = [source.slice(0, source.indexOf(':')), source.slice(source.indexOf(':') + 1)];
      const from =
        kind === 'person'
          ? { subject: others.find((p) => keyOf(p) === rest)!.subject, country: country.code }
          : { subject: person.subject, country: rest };
      request = { from, to: [here] };
    } else {
      const to = [
        ...others
          .filter((p) => chosenPeople.has(keyOf(p)))
          .map((p) => ({ subject: p.subject, country: country.code })),
        ...[...chosenCountries].map((code) => ({ subject: person.subject, country: code })),
      ];
      if (to.length === 0) return;
      request = { from: here, to };
    }
    call('questionnaire.copy', request).then(
      ({ copied }) => {
        toast({ kind: 'info', message: t('questionnaire.copy.done', { count: copied }) });
        onDone();
      },
      (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
    );
  };

  return (
    <Dialog
      title={t(`questionnaire.copy.${mode}Title`)}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('questionnaire.copy.cancel')}
          </button>
          <button type="button" className="primary" onClick={run}>
            {t(`questionnaire.copy.${mode}`)}
          </button>
        </>
      }
    >
      <p className="muted">{t('questionnaire.copy.personalNote')}</p>
      {mode === 'takeFrom' ? (
        <fieldset className="choice-list">
          {others.map((p) => (
            <label key={keyOf(p)} className="checkbox">
              <input
                type="radio"
                name="copy-source"
                checked={source === `person:${keyOf(p)}`}
                onChange={() => setSource(`person:${keyOf(p)}`)}
              />
              {t('questionnaire.copy.personCountry', { name: p.name, country: name(country) })}
            </label>
          ))}
          {otherCountries.map((c) => (
            <label key={c.code} className="checkbox">
              <input
                type="radio"
                name="copy-source"
                checked={source === `country:${c.code}`}
                onChange={() => setSource(`country:${c.code}`)}
              />
              {t('questionnaire.copy.personCountry', { name: person.name, country: name(c) })}
            </label>
          ))}
        </fieldset>
      ) : (
        <>
          {others.length > 0 && (
            <fieldset className="choice-list">
              <legend>{t('questionnaire.copy.toPeople', { country: name(country) })}</legend>
              {others.map((p) => (
                <label key={keyOf(p)} className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosenPeople.has(keyOf(p))}
                    onChange={() => setChosenPeople((s) => toggle(s, keyOf(p)))}
                  />
                  {p.name}
                </label>
              ))}
              <button
                type="button"
                className="link-button"
                onClick={() => setChosenPeople(new Set(others.map(keyOf)))}
              >
                {t('questionnaire.copy.all')}
              </button>
            </fieldset>
          )}
          <fieldset className="choice-list">
            <legend>{t('questionnaire.copy.toCountries', { name: person.name })}</legend>
            {otherCountries.map((c) => (
              <label key={c.code} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosenCountries.has(c.code)}
                  onChange={() => setChosenCountries((s) => toggle(s, c.code))}
                />
                {name(c)}
              </label>
            ))}
          </fieldset>
        </>
      )}
    </Dialog>
  );
}
