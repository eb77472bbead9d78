/** Money as a clerk types it ("250 000,50", "1200.5") to integer minor units; null when unreadable. */
export function parseMoney(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (cleaned === '') return 0;
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Minor units to "250 000,50" (ru) or "250,000.50" (en). */
export function formatMoney(minor: number, locale = 'ru-RU'): string {
  return (minor / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
