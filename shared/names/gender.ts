import { firstNameGender, patronymicGender, surnameGender, TITLE_GENDER, type Gender } from './gender-rules';

export interface NameForGender {
  lastName?: string | undefined;
  firstName?: string | undefined;
  middleName?: string | undefined;
  title?: string | undefined;
}

export interface GenderEvidence {
  source: 'title' | 'middleName' | 'firstName' | 'lastName';
  value: string;
  gender: Gender;
}

export interface GenderExplanation {
  gender: Gender | undefined;
  evidence: GenderEvidence[];
  conflict: boolean;
  /** A one-line English summary, for developers and tests; the UI words it from `evidence`. */
  summary: string;
}

/** Every part of the name that speaks for a gender, strongest first. */
export function explainGender(name: NameForGender): GenderExplanation {
  const evidence: GenderEvidence[] = [];
  const add = (source: GenderEvidence['source'], value: string | undefined, gender: Gender | undefined) => {
    if (value && gender) evidence.push({ source, value, gender });
  };
  const title = name.title?.trim().toUpperCase();
  add('title', title, title ? TITLE_GENDER[title] : undefined);
  add('middleName', name.middleName, name.middleName ? patronymicGender(name.middleName) : undefined);
  add('firstName', name.firstName, name.firstName ? firstNameGender(name.firstName) : undefined);
  add('lastName', name.lastName, name.lastName ? surnameGender(name.lastName) : undefined);
  const genders = new Set(evidence.map((e) => e.gender));
  const conflict = genders.size > 1;
  const gender = genders.size === 1 ? [...genders][0] : undefined;
  const parts = evidence.map((e) => `${e.source} ${e.value} says ${e.gender}`);
  const summary =
    evidence.length === 0
      ? 'nothing in the name tells the gender'
      : conflict
        ? `conflict: ${parts.join('; ')}`
        : `${gender}: ${parts.join('; ')}`;
  return { gender, evidence, conflict, summary };
}

/** M or F from title, patronymic, first name and surname; undefined when unknown or in conflict (IVANOVA/IVAN MR). */
export function detectGender(name: NameForGender): Gender | undefined {
  return explainGender(name).gender;
}
