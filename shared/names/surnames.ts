/** Female form of a Russian surname: Иванов -> Иванова, Чайковский -> Чайковская, Ильин -> Ильина. */
export function femaleSurname(male: string): string {
  if (male.endsWith('ский')) return `${male.slice(0, -4)}ская`;
  if (male.endsWith('цкий')) return `${male.slice(0, -4)}цкая`;
  if (/(ов|ев|ёв|ин|ын)$/.test(male)) return `${male}а`;
  return male;
}
