import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.ts';
import { htmlPage, jpegOf, pngOf, pngThenScript, writeDocxBomb, writeDocxLyingStored, writeXlsxBomb } from './hostile-files.ts';
import { inspectFile, type IntakePolicy } from './intake.ts';
import { acceptBody } from './upload.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-intake-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const images: IntakePolicy = { accept: ['png', 'jpeg'], maxBytes: 5 * 1_048_576, maxImage: { width: 4000, height: 4000 } };
const documents: IntakePolicy = { accept: ['pdf', 'docx', 'pptx', 'xlsx', 'txt'], maxBytes: 20 * 1_048_576 };

const put = (name: string, body: Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, body);
  return file;
};
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: unknown) => (e instanceof AppError ? e.code : `internal: ${String(e)}`),
  );

describe('upload intake', () => {
  it('accepts real PNG and JPEG headers and reports their size without decoding', async () => {
    expect(await inspectFile(put('ok.png', pngOf(400, 500)), images)).toMatchObject({
      kind: 'png',
      mime: 'image/png',
      image: { width: 400, height: 500 },
    });
    expect(await inspectFile(put('ok.jpg', jpegOf(640, 480)), images)).toMatchObject({ kind: 'jpeg', image: { width: 640, height: 480 } });
  });

  it('refuses a PNG header claiming 30000×30000, a PNG signature followed by script, and HTML named .jpg', async () => {
    expect(await codeOf(inspectFile(put('huge.png', pngOf(30_000, 30_000)), images))).toBe('FILE_IMAGE_TOO_BIG');
    expect(await codeOf(inspectFile(put('script.png', pngThenScript()), images))).toBe('FILE_CORRUPT');
    expect(await codeOf(inspectFile(put('page.jpg', htmlPage()), images))).toBe('FILE_TYPE_REFUSED');
    expect(await codeOf(inspectFile(put('page.txt', htmlPage()), documents))).toBe('FILE_TYPE_REFUSED');
    const jpegThenHtml = Buffer.concat([jpegOf(100, 100), htmlPage()]);
    expect(await codeOf(inspectFile(put('poly.jpg', jpegThenHtml), images))).toBe('FILE_CORRUPT');
    const pngWithTrailer = Buffer.concat([pngOf(10, 10), Buffer.from('<?php system($_GET[1]); ?>')]);
    expect(await codeOf(inspectFile(put('trailer.png', pngWithTrailer), images))).toBe('FILE_CORRUPT');
  });

  it('refuses office files that inflate out of bounds, deflated or only stored', async () => {
    const bomb = path.join(dir, 'bomb.docx');
    writeDocxBomb(bomb, 1024 * 1_048_576);
    expect(fs.statSync(bomb).size).toBeLessThan(4 * 1_048_576);
    const started = Date.now();
    expect(await codeOf(inspectFile(bomb, documents))).toBe('FILE_ARCHIVE_TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(2000);
    const lying = path.join(dir, 'lying.docx');
    writeDocxLyingStored(lying, 1024 * 1_048_576);
    expect(await codeOf(inspectFile(lying, documents))).toBe('FILE_ARCHIVE_TOO_LARGE');
    const sheet = path.join(dir, 'bomb.xlsx');
    writeXlsxBomb(sheet, 64 * 1_048_576);
    expect(await codeOf(inspectFile(sheet, documents))).toBe('FILE_ARCHIVE_TOO_LARGE');
  });

  it('stores an accepted body under a server-made name and leaves nothing behind on refusal', async () => {
    const target = path.join(dir, 'store');
    const stored = await acceptBody(pngOf(300, 400), target, images, 'me.png');
    expect(stored.storedName).toMatch(/^[0-9a-f-]+\.png$/);
    expect(fs.readdirSync(target)).toEqual([stored.storedName]);
    expect(await codeOf(acceptBody(pngThenScript(), target, images))).toBe('FILE_CORRUPT');
    expect(fs.readdirSync(target)).toEqual([stored.storedName]);
  });
});
