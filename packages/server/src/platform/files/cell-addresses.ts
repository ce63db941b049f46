import { StringDecoder } from 'node:string_decoder';
import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../http/app-error.ts';

/**
 * Fills in the optional `r` attributes of `<row>` and `<c>` (ECMA-376 Part 1, 18.3.1.73 and
 * 18.3.1.4: both are optional; a cell without one follows the previous cell, a row without one
 * follows the previous row). Writers such as some government report tools omit them, and
 * ExcelJS's streaming reader then fails with "Cannot read properties of undefined".
 */
const TAG = /<(?:[\w.-]+:)?(row|c)\b([^>]*)>/g;
const R_ATTR = /\sr="([^"]*)"/;
/** Longest run without a `>` we keep waiting on; a real tag is far shorter. */
const MAX_CARRY = 1_048_576;

export const columnLetters = (column: number): string => {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

const columnNumber = (ref: string): number => {
  let n = 0;
  for (const ch of ref.toUpperCase()) {
    if (ch < 'A' || ch > 'Z') break;
    n = n * 26 + (ch.charCodeAt(0) - 64);
  }
  return n;
};

export class CellAddressFiller extends Transform {
  private readonly decoder = new StringDecoder('utf8');
  private carry = '';
  private row = 0;
  private column = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const text = this.carry + this.decoder.write(chunk);
    const end = text.lastIndexOf('>') + 1;
    this.carry = text.slice(end);
    if (this.carry.length > MAX_CARRY) return done(new AppError('IMPORT_NOT_XLSX', { reason: 'unterminated tag' }));
    done(null, end > 0 ? Buffer.from(this.fill(text.slice(0, end)), 'utf8') : undefined);
  }

  override _flush(done: TransformCallback): void {
    done(null, Buffer.from(this.fill(this.carry + this.decoder.end()), 'utf8'));
  }

  private fill(xml: string): string {
    return xml.replace(TAG, (whole, name: string, attrs: string) => {
      const given = R_ATTR.exec(attrs)?.[1];
      if (name === 'row') {
        this.row = given ? Number.parseInt(given, 10) || this.row + 1 : this.row + 1;
        this.column = 0;
        return given ? whole : whole.replace(/^<([\w.:-]+)/, `<$1 r="${this.row}"`);
      }
      this.column = given ? columnNumber(given) || this.column + 1 : this.column + 1;
      return given ? whole : whole.replace(/^<([\w.:-]+)/, `<$1 r="${columnLetters(this.column)}${this.row}"`);
    });
  }
}
