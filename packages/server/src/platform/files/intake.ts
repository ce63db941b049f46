import fs from 'node:fs';
import { AppError } from '../http/app-error.ts';
import { FILE_KINDS, type FileKind } from './file-kinds.ts';
import { jpegLayout, pngLayout, PNG_SIGNATURE, type ImageLayout, type LayoutResult } from './image-structure.ts';
import { assertDeclaredBounds, openEntry, readZipDirectory, type InflateBudget } from './zip-entries.ts';

/**
 * The one check every upload passes before anything is stored: the kind is decided by the
 * bytes (never by the name or the declared content type), images by their header layout and
 * pixel size (no decode), OOXML by its central directory *and* by inflating every entry with the
 * bytes counted, so an archive that lies in its directory or only stores its entries is judged
 * by what it really holds (SECURITY.md finding 6, ASVS 5.2.2–5.2.3).
 */
export interface IntakePolicy {
  readonly accept: readonly FileKind[];
  readonly maxBytes: number;
  /** Largest image accepted, judged from the header; default 8000×8000. */
  readonly maxImage?: ImageLayout;
  /** Archive bounds for docx/xlsx/pptx; defaults below. */
  readonly maxInflatedBytes?: number;
  readonly maxRatio?: number;
  readonly maxEntries?: number;
}

export interface Inspected {
  readonly kind: FileKind;
  readonly mime: string;
  readonly ext: string;
  readonly size: number;
  readonly image?: ImageLayout;
}

const DEFAULT_MAX_IMAGE: ImageLayout = { width: 8000, height: 8000 };
const DEFAULT_MAX_INFLATED = 256 * 1_048_576;
const DEFAULT_MAX_RATIO = 100;
const DEFAULT_MAX_ENTRIES = 5000;
const HEAD_BYTES = 4096;
/** Markup that makes a file renderable as a page or script, looked for in images and text. */
const MARKUP = /<\s*(?:!doctype\s+html|html|head|body|script|iframe|svg|object|embed|meta|\?php)\b/i;

const refusedType = (policy: IntakePolicy, detected?: FileKind) =>
  new AppError('FILE_TYPE_REFUSED', {
    accepted: policy.accept.map((k) => FILE_KINDS[k].ext).join(', '),
    ...(detected ? { detected } : {}),
  });
const corrupt = (reason: string) => new AppError('FILE_CORRUPT', { reason });

/** What the first bytes say, before any structure is checked. */
function kindByHead(head: Buffer): FileKind | 'zip' | undefined {
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.toString('latin1', 0, 5) === '%PDF-') return 'pdf';
  if (head.toString('latin1', 4, 8) === 'ftyp') return 'mp4';
  if (head.readUInt32LE(0) === 0x04034b50) return 'zip';
  return isPlainText(head) ? 'txt' : undefined;
}

/** Valid UTF-8 without control bytes besides tab, newline and carriage return (the last bytes may cut a character). */
function isPlainText(head: Buffer): boolean {
  if (head.length === 0 || head.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)));
    return true;
  } catch {
    return false;
  }
}

async function readHead(file: string): Promise<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Which OOXML document a zip is, after its every entry has been inflated within bounds. */
async function officeKind(file: string, policy: IntakePolicy): Promise<FileKind> {
  const limits = {
    maxEntries: policy.maxEntries ?? DEFAULT_MAX_ENTRIES,
    maxInflatedBytes: policy.maxInflatedBytes ?? DEFAULT_MAX_INFLATED,
    maxRatio: policy.maxRatio ?? DEFAULT_MAX_RATIO,
  };
  try {
    const entries = await readZipDirectory(file, limits);
    const names = new Set(entries.map((e) => e.name));
    const kind: FileKind | undefined = !names.has('[Content_Types].xml')
      ? undefined
      : names.has('word/document.xml')
        ? 'docx'
        : names.has('xl/workbook.xml')
          ? 'xlsx'
          : names.has('ppt/presentation.xml')
            ? 'pptx'
            : undefined;
    if (!kind || !policy.accept.includes(kind)) throw refusedType(policy, kind);
    assertDeclaredBounds(entries, limits);
    const budget: InflateBudget = { max: limits.maxInflatedBytes, used: 0, maxRatio: limits.maxRatio };
    for (const entry of entries) {
      if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize)
        throw corrupt(`${entry.name}: stored entry with two sizes`);
      // Inflated and dropped: the counter stops the stream as soon as a bound is passed.
      for await (const _ of await openEntry(file, entry, budget));
    }
    return kind;
  } catch (error) {
    if (!(error instanceof AppError)) throw corrupt(error instanceof Error ? error.message : 'zip');
    if (error.code === 'IMPORT_XLSX_TOO_LARGE' || error.code === 'IMPORT_XLSX_RATIO')
      throw new AppError('FILE_ARCHIVE_TOO_LARGE', { maxMb: Math.round(limits.maxInflatedBytes / 1_048_576), maxRatio: limits.maxRatio });
    if (error.code === 'IMPORT_NOT_XLSX') throw corrupt(String(error.details?.reason ?? 'zip'));
    throw error;
  }
}

function checkImage(body: Buffer, kind: 'png' | 'jpeg', policy: IntakePolicy): ImageLayout {
  const result: LayoutResult = kind === 'png' ? pngLayout(body) : jpegLayout(body);
  if (!result.ok) throw corrupt(result.reason);
  if (MARKUP.test(body.toString('latin1'))) throw corrupt('markup inside an image');
  const max = policy.maxImage ?? DEFAULT_MAX_IMAGE;
  if (result.layout.width > max.width || result.layout.height > max.height)
    throw new AppError('FILE_IMAGE_TOO_BIG', { ...result.layout, maxWidth: max.width, maxHeight: max.height });
  return result.layout;
}

/** Judges a file already on disk; throws a FILE_* AppError when it is refused. */
export async function inspectFile(file: string, policy: IntakePolicy): Promise<Inspected> {
  const { size } = await fs.promises.stat(file);
  if (size > policy.maxBytes) throw new AppError('FILE_TOO_LARGE', { maxMb: Math.round(policy.maxBytes / 1_048_576) });
  if (size === 0) throw refusedType(policy);
  const head = await readHead(file);
  const byHead = kindByHead(head);
  if (byHead === undefined) throw refusedType(policy);
  if (byHead === 'zip') return describe(await officeKind(file, policy), size);
  if (!policy.accept.includes(byHead)) throw refusedType(policy, byHead === 'txt' ? undefined : byHead);
  if (byHead === 'png' || byHead === 'jpeg') {
    // Images are small (their maxBytes is a few MB): the whole file is walked in memory.
    return describe(byHead, size, checkImage(await fs.promises.readFile(file), byHead, policy));
  }
  if (byHead === 'txt' && MARKUP.test(head.toString('utf8'))) throw refusedType(policy);
  return describe(byHead, size);
}

const describe = (kind: FileKind, size: number, image?: ImageLayout): Inspected => ({
  kind,
  ...FILE_KINDS[kind],
  size,
  ...(image ? { image } : {}),
});
