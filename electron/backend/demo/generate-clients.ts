import { emptyClientInput, emptyDocument, type ClientInput } from '../../../shared/domain/client';
import { addMonths, toIsoDate } from '../../../shared/domain/dates';
import { toLatin } from '../../../shared/names';
import { femaleSurname } from '../../../shared/names/surnames';
import { FEMALE_NAMES, MALE_NAMES, patronymics, SURNAMES } from './names';

/** A small deterministic PRNG (mulberry32) so the same seed always gives the same demo base. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function digits(random: () => number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.floor(random() * 10);
  return out;
}

function randomDate(random: () => number, fromYear: number, toYear: number): string {
  const year = fromYear + Math.floor(random() * (toYear - fromYear + 1));
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return toIsoDate(year, month, day);
}

const latin = (cyrillic: string) => toLatin(cyrillic).toUpperCase();

/**
 * Realistic regular clients: Russian names with correct ICAO Latin, biometric foreign passports
 * (some expiring soon, some with an archived older passport in MVD-310 spelling), internal
 * passports, birthdays spread over the year, and a few Kazakh and Belarusian citizens.
 */
export function generateClients(count: number, seed = 2026, today = '2026-11-23'): ClientInput[] {
  const random = createRandom(seed);
  const clients: ClientInput[] = [];
  for (let i = 0; i < count; i++) {
    const female = random() < 0.52;
    const surname = pick(random, SURNAMES);
    const lastNameRu = female ? femaleSurname(surname) : surname;
    const firstNameRu = female ? pick(random, FEMALE_NAMES) : pick(random, MALE_NAMES);
    const father = patronymics(pick(random, MALE_NAMES));
    const birthDate = randomDate(random, 1948, 2019);
    const roll = random();
    const citizenship = roll < 0.93 ? 'RUS' : roll < 0.97 ? 'KAZ' : 'BLR';
    const issueDate = randomDate(random, Number(today.slice(0, 4)) - 9, Number(today.slice(0, 4)) - 1);
    const expiryDate = addMonths(issueDate, random() < 0.8 ? 120 : 60);
    const client: ClientInput = {
      ...emptyClientInput(),
      lastNameRu,
      firstNameRu,
      middleNameRu: citizenship === 'RUS' ? (female ? father.female : father.male) : '',
      lastNameLat: latin(lastNameRu),
      firstNameLat: latin(firstNameRu),
      gender: female ? 'F' : 'M',
      birthDate,
      birthPlace: pick(random, [
        'г. Москва',
        'г. Санкт-Петербург',
        'г. Казань',
        'г. Екатеринбург',
        'г. Новосибирск',
        'г. Самара',
        'г. Тверь',
      ]),
      citizenship,
      phone: `+7 9${digits(random, 2)} ${digits(random, 3)}-${digits(random, 2)}-${digits(random, 2)}`,
      email:
        random() < 0.6
          ? `${latin(firstNameRu).toLowerCase()}.${latin(lastNameRu).toLowerCase()}${i}@example.ru`
          : '',
      preferences:
        random() < 0.15
          ? pick(random, [
              'Место у окна',
              'Только all inclusive',
              'Вегетарианское питание',
              'Номер с видом на море',
            ])
          : '',
      documents: [],
    };
    const lastYear = Number(today.slice(0, 4)) - 1;
    if (citizenship === 'RUS') {
      client.documents.push({
        ...emptyDocument('foreign_passport'),
        series: `7${digits(random, 1)}`,
        number: digits(random, 7),
        issueDate,
        expiryDate,
        issuedBy: `МВД ${1000 + Math.floor(random() * 9000)}`,
        lastNameLat: client.lastNameLat,
        firstNameLat: client.firstNameLat,
      });
      if (birthDate <= addMonths(today, -14 * 12)) {
        client.documents.push({
          ...emptyDocument('internal_passport'),
          series: digits(random, 4),
          number: digits(random, 6),
          issueDate: randomDate(
            random,
            Math.min(Math.max(Number(birthDate.slice(0, 4)) + 14, 1998), lastYear),
            lastYear,
          ),
          issuedBy: 'ГУ МВД России',
        });
      }
    } else {
      client.documents.push({
        ...emptyDocument('foreign_passport', citizenship),
        series: '',
        number: citizenship === 'KAZ' ? `N${digits(random, 8)}` : `MP${digits(random, 7)}`,
        issueDate,
        expiryDate,
        lastNameLat: client.lastNameLat,
        firstNameLat: client.firstNameLat,
      });
    }
    clients.push(client);
  }
  return clients;
}
