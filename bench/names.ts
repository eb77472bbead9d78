import { allFirstNames, cyrillicCandidates, nameKey, toLatin } from '../shared/names';
import { SURNAMES } from '../electron/backend/demo/names';

function perSecond(label: string, inputs: string[], run: (input: string) => unknown, minMs = 1500): void {
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (const input of inputs) run(input);
    count += inputs.length;
  }
  const rate = count / ((performance.now() - start) / 1000);
  console.log(`${label.padEnd(58)} ${Math.round(rate).toLocaleString('en').padStart(10)} /s`);
}

/** Conversions per second of the names module over real names. */
export function benchNames(): void {
  const cyrillic = [...allFirstNames().map((e) => e.name), ...SURNAMES];
  const latin = cyrillic.map((name) => toLatin(name).toUpperCase());
  perSecond('toLatin (ICAO), single names', cyrillic, (name) => toLatin(name));
  perSecond('nameKey, single names', latin, (name) => nameKey(name));
  perSecond('cyrillicCandidates, single names', latin, (name) => cyrillicCandidates(name));
  const full = latin.slice(0, 300).map((surname, i) => `${surname} ${latin[(i * 7) % 2000]}`);
  perSecond('cyrillicCandidates, surname + first name', full, (name) => cyrillicCandidates(name));
}
