/**
 * Female form of a Russian surname: Иванов -> Иванова, Чайковский -> Чайковская, Ильин -> Ильина,
 * Толстой -> Толстая, Белый -> Белая; other endings (Шевченко, Ким, Петросян) serve both.
 */
export function femaleSurname(male: string): string {
  if (male.endsWith('ский')) return `${male.slice(0, -4)}ская`;
  if (male.endsWith('цкий')) return `${male.slice(0, -4)}цкая`;
  if (/(ск|цк|ст)ой$/.test(male) || male.endsWith('ый')) return `${male.slice(0, -2)}ая`;
  if (/(ов|ев|ёв|ин|ын)$/.test(male)) return `${male}а`;
  return male;
}
