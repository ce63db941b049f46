import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a Chinese name: full pinyin without tones ("zhangwei") and initials ("zw").
 * Surname mode reads polyphonic surnames as surnames (单 → shan, 曾 → zeng).
 */
export function nameSearchKeys(name: string): { pinyin: string; initials: string } {
  const clean = name.normalize('NFKC').replace(/[\s·•.]/g, '');
  const syllables = pinyin(clean, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  const parts = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter((s) => s.length > 0);
  return { pinyin: parts.join(''), initials: parts.map((s) => s[0]).join('') };
}
