const CYRILLIC = /[\u0400-\u04FF]/;
const LATIN = /[A-Za-z]/;

export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

export function hasLatin(text: string): boolean {
  return LATIN.test(text);
}
