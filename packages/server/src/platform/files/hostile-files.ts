import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * Hostile files for tests and the intake benchmark, generated rather than committed: a
 * well-formed xlsx (or docx) whose main part inflates to hundreds of megabytes, image headers
 * that lie, and script dressed as an image. Never used by the product itself.
 */
interface ZipPart {
  readonly name: string;
  readonly method: 0 | 8;
  readonly data: Buffer;
  readonly crc: number;
  readonly size: number;
}

const stored = (name: string, text: string): ZipPart => {
  const data = Buffer.from(text, 'utf8');
  return { name, method: 0, data, crc: zlib.crc32(data), size: data.length };
};

/**
 * A deflated part of `head + unit × repeats + tail` built without ever holding the inflated text:
 * each piece is deflated on its own with a full flush (byte-aligned, no reference back across
 * the boundary), so the same compressed unit can be repeated (RFC 1951 §3.2.3 blocks).
 */
function repeatedPart(name: string, head: string, unit: string, repeats: number, tail: string): ZipPart {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const headBytes = Buffer.from(head);
  const unitBytes = Buffer.from(unit);
  const tailBytes = Buffer.from(tail);
  const unitDeflated = zlib.deflateRawSync(unitBytes, flush);
  const pieces = [zlib.deflateRawSync(headBytes, flush)];
  let crc = zlib.crc32(headBytes);
  for (let i = 0; i < repeats; i++) {
    pieces.push(unitDeflated);
    crc = zlib.crc32(unitBytes, crc);
  }
  pieces.push(zlib.deflateRawSync(tailBytes));
  crc = zlib.crc32(tailBytes, crc);
  return { name, method: 8, data: Buffer.concat(pieces), crc, size: headBytes.length + unitBytes.length * repeats + tailBytes.length };
}

/** Writes the parts as a zip (APPNOTE 6.3), streaming each piece to the file in order. */
function writeZip(file: string, parts: readonly ZipPart[], declared: (p: ZipPart) => number = (p) => p.size): void {
  const fd = fs.openSync(file, 'w');
  try {
    let offset = 0;
    const central: Buffer[] = [];
    const write = (b: Buffer) => {
      fs.writeSync(fd, b);
      offset += b.length;
    };
    for (const part of parts) {
      const name = Buffer.from(part.name);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(part.method, 8);
      local.writeUInt32LE(part.crc >>> 0, 14);
      local.writeUInt32LE(part.data.length, 18);
      local.writeUInt32LE(declared(part), 22);
      local.writeUInt16LE(name.length, 26);
      const cd = Buffer.alloc(46);
      cd.writeUInt32LE(0x02014b50, 0);
      cd.writeUInt16LE(20, 4);
      cd.writeUInt16LE(20, 6);
      cd.writeUInt16LE(part.method, 10);
      cd.writeUInt32LE(part.crc >>> 0, 16);
      cd.writeUInt32LE(part.data.length, 20);
      cd.writeUInt32LE(declared(part), 24);
      cd.writeUInt16LE(name.length, 28);
      cd.writeUInt32LE(offset, 42);
      central.push(cd, name);
      write(Buffer.concat([local, name]));
      write(part.data);
    }
    const cdStart = offset;
    const cdBytes = Buffer.concat(central);
    write(cdBytes);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(parts.length, 8);
    eocd.writeUInt16LE(parts.length, 10);
    eocd.writeUInt32LE(cdBytes.length, 12);
    eocd.writeUInt32LE(cdStart, 16);
    write(eocd);
  } finally {
    fs.closeSync(fd);
  }
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const xlsxFrame = (): ZipPart[] => [
  stored(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  ),
  stored(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ),
  stored(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  ),
  stored(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  ),
];

const sheetHead = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>`;
const sheetTail = '</sheetData></worksheet>';
const inlineRow = (values: readonly (string | number)[], withR: number | undefined): string =>
  `<row${withR === undefined ? '' : ` r="${withR}"`}>${values
    .map((v) => (typeof v === 'number' ? `<c><v>${v}</v></c>` : `<c t="inlineStr"><is><t>${v}</t></is></c>`))
    .join('')}</row>`;

/** A well-formed xlsx whose one sheet inflates to at least `inflatedBytes` of valid rows. */
export function writeXlsxBomb(file: string, inflatedBytes: number): { fileBytes: number; inflatedBytes: number } {
  // Long runs of one character (within Excel's 32,767-character cell limit) deflate ~1000:1.
  const row = inlineRow(['张三', 'A'.repeat(32_000), 12345], undefined);
  const unit = row.repeat(Math.ceil(1_048_576 / row.length));
  const sheet = repeatedPart('xl/worksheets/sheet1.xml', sheetHead, unit, Math.ceil(inflatedBytes / Buffer.byteLength(unit)), sheetTail);
  writeZip(file, [...xlsxFrame(), sheet]);
  return { fileBytes: fs.statSync(file).size, inflatedBytes: sheet.size };
}

/** A small valid xlsx whose rows and cells carry no `r` attribute (allowed by ECMA-376). */
export function writeXlsxWithoutAddresses(file: string, rows: readonly (readonly (string | number)[])[]): void {
  const sheet = stored('xl/worksheets/sheet1.xml', sheetHead + rows.map((r) => inlineRow(r, undefined)).join('') + sheetTail);
  writeZip(file, [...xlsxFrame(), sheet]);
}

/** A docx whose document part inflates to `inflatedBytes` (the study-material case: 3.6 MB → 1 GiB). */
export function writeDocxBomb(file: string, inflatedBytes: number): void {
  const unit = '<w:p><w:r><w:t>政治工作学习资料</w:t></w:r></w:p>'.repeat(20_000);
  writeZip(file, [
    stored('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    repeatedPart(
      'word/document.xml',
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
      unit,
      Math.ceil(inflatedBytes / Buffer.byteLength(unit)),
      '</w:body></w:document>',
    ),
  ]);
}

/** A docx of stored entries only, whose directory declares an inflated size far beyond the bytes present. */
export function writeDocxLyingStored(file: string, declaredBytes: number): void {
  writeZip(file, [stored('[Content_Types].xml', '<?xml version="1.0"?><Types/>'), stored('word/document.xml', '<w:document/>')], (p) =>
    p.name === 'word/document.xml' ? declaredBytes : p.size,
  );
}

const pngChunk = (type: string, data: Buffer): Buffer => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
};
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A structurally valid PNG (signature, IHDR, IDAT, IEND) of the given header size. */
export function pngOf(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  // One black row, compressed; a decoder would want width×height, but nothing here decodes.
  const idat = zlib.deflateSync(Buffer.alloc(1 + 3 * Math.min(width, 4096)));
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}

/** The PNG signature followed by script, as an insider would upload it. */
export const pngThenScript = (): Buffer =>
  Buffer.concat([PNG_SIGNATURE, Buffer.from('<script>fetch("/api/v1/users").then(r=>r.text()).then(alert)</script>')]);

/** An HTML page; tests send it named photo.jpg with an image content type. */
export const htmlPage = (): Buffer => Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');

/** A minimal valid baseline JPEG header of the given size (SOI, APP0, SOF0, EOI), never decoded. */
export function jpegOf(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00]);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, sos, Buffer.from([0x12, 0x34, 0x56]), Buffer.from([0xff, 0xd9])]);
}
