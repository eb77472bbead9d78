export { hasCyrillic, icaoToLatin, surnameSearchKey } from './icao';
