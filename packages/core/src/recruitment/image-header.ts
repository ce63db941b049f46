/**
 * Upload checks by content: the first bytes decide the type, never the file name or the declared
 * content type; image dimensions come from the header (PNG IHDR, JPEG SOFn marker).
 */
export type SniffedType = 'image/jpeg' | 'image/png' | 'application/pdf';

export function sniffType(body: Uint8Array): SniffedType | undefined {
  if (body.length > 3 && body[0] === 0xff && body[1] === 0xd8 && body[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (body.length >= 8 && png.every((b, i) => body[i] === b)) return 'image/png';
  if (body.length >= 5 && String.fromCharCode(...body.subarray(0, 5)) === '%PDF-') return 'application/pdf';
  return undefined;
}

const u16 = (b: Uint8Array, i: number) => ((b[i] as number) << 8) | (b[i + 1] as number);
const u32 = (b: Uint8Array, i: number) => u16(b, i) * 65536 + u16(b, i + 2);

/** Width and height in pixels, or undefined when the header is missing or broken. */
export function imageSize(body: Uint8Array): { width: number; height: number } | undefined {
  const type = sniffType(body);
  if (type === 'image/png') {
    // Signature, then the first chunk must be IHDR: length 13, type, width, height.
    if (body.length < 24 || String.fromCharCode(...body.subarray(12, 16)) !== 'IHDR') return undefined;
    const width = u32(body, 16);
    const height = u32(body, 20);
    return width > 0 && height > 0 ? { width, height } : undefined;
  }
  if (type === 'image/jpeg') {
    let i = 2;
    while (i + 3 < body.length) {
      if (body[i] !== 0xff) return undefined;
      const marker = body[i + 1] as number;
      if (marker === 0xff) {
        i++; // fill byte
        continue;
      }
      // Standalone markers carry no length.
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2;
        continue;
      }
      if (marker === 0xd9 || marker === 0xda) return undefined; // end or scan data before any frame header
      const length = u16(body, i + 2);
      if (length < 2) return undefined;
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) hold the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        if (i + 9 > body.length) return undefined;
        const height = u16(body, i + 5);
        const width = u16(body, i + 7);
        return width > 0 && height > 0 ? { width, height } : undefined;
      }
      i += 2 + length;
    }
  }
  return undefined;
}
