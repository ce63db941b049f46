import zlib from 'node:zlib';

/**
 * Structure checks of PNG and JPEG by their headers only — no pixel is decoded, so a header
 * claiming 30000×30000 px costs nothing to refuse. A file passes only when its whole layout is
 * what the format says: a PNG signature followed by script fails the chunk walk, a JPEG with
 * HTML after SOI fails the marker walk.
 */
export interface ImageLayout {
  readonly width: number;
  readonly height: number;
}

export type LayoutResult = { readonly ok: true; readonly layout: ImageLayout } | { readonly ok: false; readonly reason: string };
const fail = (reason: string): LayoutResult => ({ ok: false, reason });

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG (ISO/IEC 15948 §5): signature, IHDR first, chunks with valid CRCs, IEND last, nothing after. */
export function pngLayout(b: Buffer): LayoutResult {
  if (b.length < 8 || !b.subarray(0, 8).equals(PNG_SIGNATURE)) return fail('PNG signature');
  let p = 8;
  let layout: ImageLayout | undefined;
  let first = true;
  while (p + 12 <= b.length) {
    const length = b.readUInt32BE(p);
    const type = b.toString('latin1', p + 4, p + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) return fail('PNG chunk type');
    if (length > b.length - p - 12) return fail('PNG chunk length');
    const crc = b.readUInt32BE(p + 8 + length);
    if (zlib.crc32(b.subarray(p + 4, p + 8 + length)) >>> 0 !== crc) return fail('PNG chunk CRC');
    if (first) {
      if (type !== 'IHDR' || length !== 13) return fail('PNG IHDR');
      layout = { width: b.readUInt32BE(p + 8), height: b.readUInt32BE(p + 12) };
      first = false;
    }
    p += 12 + length;
    if (type === 'IEND') {
      if (p !== b.length) return fail('data after PNG IEND');
      return layout && layout.width > 0 && layout.height > 0 ? { ok: true, layout } : fail('PNG size');
    }
  }
  return fail('PNG without IEND');
}

const STANDALONE = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);
/** SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
const IS_SOF = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** JPEG (ITU-T T.81 Annex B): SOI, marker segments, a frame header before the scan, EOI. */
export function jpegLayout(b: Buffer): LayoutResult {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return fail('JPEG SOI');
  let p = 2;
  let layout: ImageLayout | undefined;
  while (p + 1 < b.length) {
    if (b[p] !== 0xff) return fail('JPEG marker');
    const marker = b[p + 1] as number;
    if (marker === 0xff) {
      p++; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      // Cameras append maker data after EOI; markup there is refused by the caller's text scan.
      return layout && layout.width > 0 && layout.height > 0 ? { ok: true, layout } : fail('JPEG frame size');
    }
    if (STANDALONE(marker)) {
      p += 2;
      continue;
    }
    if (marker === 0x00 || p + 4 > b.length) return fail('JPEG marker');
    const length = b.readUInt16BE(p + 2);
    if (length < 2 || p + 2 + length > b.length) return fail('JPEG segment length');
    if (IS_SOF(marker)) {
      if (length < 8) return fail('JPEG frame header');
      layout = { height: b.readUInt16BE(p + 5), width: b.readUInt16BE(p + 7) };
    }
    p += 2 + length;
    if (marker === 0xda) {
      if (!layout) return fail('JPEG scan before frame header');
      // Entropy-coded data: FF is followed by 00 (stuffing) or a restart marker inside the scan.
      while (p + 1 < b.length && !(b[p] === 0xff && b[p + 1] !== 0x00 && !STANDALONE(b[p + 1] as number) && b[p + 1] !== 0xff)) p++;
    }
  }
  return fail('JPEG without EOI');
}
