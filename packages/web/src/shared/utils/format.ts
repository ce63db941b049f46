import dayjs from 'dayjs';

/** API times are ISO-8601 UTC; people read them in the browser's local time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const value = dayjs(iso);
  return value.isValid() ? value.format('YYYY-MM-DD HH:mm:ss') : iso;
}
