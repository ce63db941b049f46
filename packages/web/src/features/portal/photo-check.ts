/** The server's photo rules, checked first in the browser so the applicant hears why at once. */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTO_MIN = { width: 295, height: 413 } as const;
export const PHOTO_MAX = { width: 2000, height: 2000 } as const;
export const FILE_MAX_BYTES = 5 * 1024 * 1024;

export type PhotoProblem =
  { kind: 'type' } | { kind: 'size'; size: number } | { kind: 'dimensions'; width: number; height: number } | { kind: 'unreadable' };

function loadImage(url: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve({ width: image.naturalWidth, height: image.naturalHeight });
    image.onerror = () => reject(new Error('unreadable'));
    image.src = url;
  });
}

/** Reads the file's first bytes: a renamed file is judged by what it is, not by its name. */
async function sniff(file: File): Promise<'jpeg' | 'png' | 'pdf' | null> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'png';
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return 'pdf';
  return null;
}

export async function checkPhoto(file: File, dataUrl: string): Promise<PhotoProblem | null> {
  const kind = await sniff(file);
  if (kind !== 'jpeg' && kind !== 'png') return { kind: 'type' };
  if (file.size > PHOTO_MAX_BYTES) return { kind: 'size', size: file.size };
  let size;
  try {
    size = await loadImage(dataUrl);
  } catch {
    return { kind: 'unreadable' };
  }
  if (size.width < PHOTO_MIN.width || size.height < PHOTO_MIN.height || size.width > PHOTO_MAX.width || size.height > PHOTO_MAX.height) {
    return { kind: 'dimensions', ...size };
  }
  return null;
}

export async function checkDocument(file: File): Promise<'type' | 'size' | null> {
  if ((await sniff(file)) === null) return 'type';
  if (file.size > FILE_MAX_BYTES) return 'size';
  return null;
}

/** The MIME type by content, for the raw PUT body. */
export async function photoMime(file: File): Promise<string> {
  return (await sniff(file)) === 'png' ? 'image/png' : 'image/jpeg';
}
