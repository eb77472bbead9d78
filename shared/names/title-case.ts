/** A name as a clerk writes it: each word and each part of a hyphenated word capitalised (ЮЛИЯ → Юлия). */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
