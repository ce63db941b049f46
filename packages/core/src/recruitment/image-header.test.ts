import { describe, expect, it } from 'vitest';
import { imageSize, sniffType } from './image-header.ts';

const png = (w: number, h: number) => {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, w);
  new DataView(b.buffer).setUint32(20, h);
  return b;
};
// SOI, APP0 (length 16), SOF0 with height 413 and width 295.
const jpeg = Uint8Array.from([
  0xff,
  0xd8,
  0xff,
  0xe0,
  0,
  16,
  ...new Array(14).fill(0),
  0xff,
  0xc0,
  0,
  17,
  8,
  0x01,
  0x9d,
  0x01,
  0x27,
  3,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
]);

describe('upload content checks', () => {
  it('tells the type by the first bytes only', () => {
    expect(sniffType(png(1, 1))).toBe('image/png');
    expect(sniffType(jpeg)).toBe('image/jpeg');
    expect(sniffType(new TextEncoder().encode('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffType(new TextEncoder().encode('GIF89a'))).toBeUndefined();
  });

  it('reads pixel sizes from the PNG IHDR and the JPEG frame header', () => {
    expect(imageSize(png(358, 441))).toEqual({ width: 358, height: 441 });
    expect(imageSize(jpeg)).toEqual({ width: 295, height: 413 });
  });

  it('gives up on broken headers instead of guessing', () => {
    expect(imageSize(png(358, 441).subarray(0, 20))).toBeUndefined();
    expect(imageSize(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeUndefined();
    expect(imageSize(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 1]))).toBeUndefined();
  });
});
