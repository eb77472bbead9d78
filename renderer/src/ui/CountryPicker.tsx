import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../shared/domain/tour';
import { call } from '../api/client';
import { countryName } from './country-name';
import { countryLabel, matchCountries, resolveCountry, type CountryNames } from './country-search';
import { Field } from './Field';

/** The countries of the reference book, for pickers (an empty list while loading or on failure). */
export function useCountries(): Country[] {
  const [countries, setCountries] = useState<Country[]>([]);
  useEffect(() => {
    let live = true;
    call('countries.list', {}).then(
      (list) => live && setCountries(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return countries;
}

interface CountryPickerProps {
  label: string;
  /** The ISO alpha-3 code, '' for none. */
  value: string;
  onChange: (code: string) => void;
  countries: readonly CountryNames[];
  error?: string | undefined;
  /** False while the box holds a text that names no country: the form must not save then. */
  onValidity?: (valid: boolean) => void;
  className?: string;
}

/**
 * Citizenship or a country, typed as the clerk knows it: Russian, English or French name or the
 * code, with the matches listed as they type (↑/↓, Enter or click picks). What was typed is kept
 * until it names a country; a text that names none is said at the field, never cut or guessed.
 */
export function CountryPicker(props: CountryPickerProps) {
  const { label, value, onChange, countries, error, onValidity, className = 'country' } = props;
  const { t, i18n } = useTranslation();
  const listId = useId();
  const [text, setText] = useState(() => countryLabel(countries, value, i18n.language));
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState(false);
  const [cursor, setCursor] = useState(0);
  const [unknown, setUnknown] = useState(false);

  // A value set from outside (a client picked, the book loaded, the language switched) is shown.
  useEffect(() => {
    if (!editing && !unknown) setText(countryLabel(countries, value, i18n.language));
  }, [countries, value, i18n.language, editing, unknown]);

  const matches = open ? matchCountries(countries, text, i18n.language) : [];
  const pick = (country: CountryNames) => {
    setText(countryLabel(countries, country.code, i18n.language));
    setOpen(false);
    setUnknown(false);
    onValidity?.(true);
    if (country.code !== value) onChange(country.code);
  };
  const settle = () => {
    setEditing(false);
    setOpen(false);
    const code = resolveCountry(countries, text);
    setUnknown(code === null);
    onValidity?.(code !== null);
    if (code === null) return;
    setText(countryLabel(countries, code, i18n.language));
    if (code !== value) onChange(code);
  };

  return (
    <Field
      label={label}
      error={unknown ? t('validation.countryUnknown', { text }) : error}
      className={`${className} picker`}
      after={
        matches.length > 0 && (
          <ul className="picker-list" role="listbox" id={listId} aria-label={label}>
            {matches.map((c, i) => (
              <li
                key={c.code}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === cursor}
                className={i === cursor ? 'selected' : undefined}
                // Picked on mouse down, before the box loses focus and settles the text.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(c);
                }}
              >
                <span className="mono">{c.code}</span> {countryName(c, i18n.language)}
              </li>
            ))}
          </ul>
        )
      }
    >
      <input
        value={text}
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={matches.length > 0 ? `${listId}-${cursor}` : undefined}
        autoComplete="off"
        spellCheck={false}
        onFocus={(e) => {
          setEditing(true);
          e.currentTarget.select();
        }}
        onBlur={settle}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setCursor(0);
          const code = resolveCountry(countries, e.target.value);
          if (code !== null) setUnknown(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            if (!open) return setOpen(true);
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setCursor((c) => Math.max(0, Math.min(matches.length - 1, c + step)));
          } else if (e.key === 'Enter' && matches.length > 0 && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            const chosen = matches[cursor];
            if (chosen) pick(chosen);
          } else if (e.key === 'Escape' && matches.length > 0) {
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
    </Field>
  );
}
