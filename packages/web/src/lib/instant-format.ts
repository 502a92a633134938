/** An instant as a date and time in Japan: "2025/07/15 10:00" / "15 Jul 2025, 10:00" (JST). */
export function formatInstant(iso: string, lang: 'ja' | 'en'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(date);
}
