/** The xlsx media type, for downloads and `produces` in route schemas. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition per RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name. */
export const attachment = (ascii: string, utf8: string): string =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8)}`;
