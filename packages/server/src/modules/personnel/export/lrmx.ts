import { beijingDate, maskIdNumber, normalize, parseIdNumber } from '@zhenggong/core';
import { AppError } from '../../../platform/http/app-error.ts';
import type { AppointmentForm } from './appointment-form.ts';
import type { LrmxPreview } from './export-schemas.ts';
import { compactYearMonth, resumeLine } from './form-format.ts';
import { childText, decodeXmlBytes, escapeXml, parseXml, type XmlElement } from './lrmx-xml.ts';
import type { Watermark } from './watermark.ts';

export const LRMX_MIME = 'application/xml';

/*
 * .lrmx — the XML file of the 中组部 干部任免审批表 software 3.x, exchanged between organisation
 * departments. There is no published schema; the element set and order below are the ones
 * several independent public code bases read and write (a C# reader built on XmlSerializer, two
 * Java dom4j readers/writers, a Python and a TypeScript editor), all agreeing: root <Person>,
 * pinyin element names, dates as 6-digit YYYYMM (计算年龄时间 8-digit YYYYMMDD), resume lines
 * "1985.09--1989.07  …" joined by CR LF, family members as <JiaTingChengYuan><Item>, the photo as
 * base64 in <ZhaoPian>, <Version>3.2.1.16</Version>.
 */
const ROOT = 'Person';
const FAMILY = 'JiaTingChengYuan';
const MEMBER = ['ChengWei', 'XingMing', 'ChuShengRiQi', 'ZhengZhiMianMao', 'GongZuoDanWeiJiZhiWu'] as const;
export const LRMX_ELEMENTS = [
  'XingMing',
  'XingBie',
  'ChuShengNianYue',
  'MinZu',
  'JiGuan',
  'ChuShengDi',
  'RuDangShiJian',
  'CanJiaGongZuoShiJian',
  'JianKangZhuangKuang',
  'ZhuanYeJiShuZhiWu',
  'ShuXiZhuanYeYouHeZhuanChang',
  'QuanRiZhiJiaoYu_XueLi',
  'QuanRiZhiJiaoYu_XueWei',
  'QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi',
  'QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi',
  'ZaiZhiJiaoYu_XueLi',
  'ZaiZhiJiaoYu_XueWei',
  'ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi',
  'ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi',
  'XianRenZhiWu',
  'NiRenZhiWu',
  'NiMianZhiWu',
  'JianLi',
  'JiangChengQingKuang',
  'NianDuKaoHeJieGuo',
  'RenMianLiYou',
  FAMILY,
  'ChengBaoDanWei',
  'JiSuanNianLingShiJian',
  'TianBiaoShiJian',
  'TianBiaoRen',
  'ShenFenZheng',
  'ZhaoPian',
  'Version',
] as const;
/** Seen in files of later software versions (到龄年月, 改革前任职年龄界限); read past without complaint. */
const OPTIONAL = new Set(['DaoLingNianYue', 'GaiGeQianRenZhiNianLingJieXian']);
const VERSION = '3.2.1.16';

type Field = Exclude<(typeof LRMX_ELEMENTS)[number], typeof FAMILY>;

/**
 * The .lrmx of a form; `idNumber` is whatever the caller may see (full only with personnel:reveal);
 * `photo` is the stored 照片 (JPEG or PNG bytes), written base64 into <ZhaoPian>.
 */
export function toLrmx(f: AppointmentForm, idNumber: string, mark: Watermark, photo?: Buffer): string {
  const values: Record<Field, string> = {
    XingMing: f.name,
    XingBie: f.sex,
    ChuShengNianYue: compactYearMonth(f.birthDate),
    MinZu: f.ethnicity,
    JiGuan: f.nativePlace,
    ChuShengDi: f.birthplace,
    RuDangShiJian: compactYearMonth(f.partyJoinDate),
    CanJiaGongZuoShiJian: compactYearMonth(f.workStartDate),
    JianKangZhuangKuang: f.health,
    ZhuanYeJiShuZhiWu: f.techTitle,
    ShuXiZhuanYeYouHeZhuanChang: f.specialty,
    QuanRiZhiJiaoYu_XueLi: f.fullTime.education,
    QuanRiZhiJiaoYu_XueWei: f.fullTime.degree,
    QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: f.fullTime.school,
    QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '',
    ZaiZhiJiaoYu_XueLi: f.partTime.education,
    ZaiZhiJiaoYu_XueWei: f.partTime.degree,
    ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: f.partTime.school,
    ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '',
    XianRenZhiWu: f.currentPost,
    NiRenZhiWu: f.proposedPost,
    NiMianZhiWu: f.proposedRemoval,
    JianLi: f.resume.map((r) => resumeLine(r.start, r.end, r.text, '--')).join('\r\n'),
    JiangChengQingKuang: f.rewards.join('\r\n'),
    NianDuKaoHeJieGuo: f.assessment,
    RenMianLiYou: f.reason,
    ChengBaoDanWei: f.reportingUnit,
    JiSuanNianLingShiJian: f.ageAsOf.replace(/-/g, ''),
    TianBiaoShiJian: compactYearMonth(beijingDate(new Date(mark.at))),
    TianBiaoRen: mark.displayName,
    ShenFenZheng: idNumber,
    // Base64 of the image file as stored; empty when the person has no photo (the readers accept both).
    ZhaoPian: photo ? photo.toString('base64') : '',
    Version: VERSION,
  };
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<!-- ${escapeXml(mark.line).replace(/-{2,}/g, '-')} -->`, `<${ROOT}>`];
  for (const name of LRMX_ELEMENTS) {
    if (name !== FAMILY) {
      lines.push(`  <${name}>${escapeXml(values[name])}</${name}>`);
      continue;
    }
    lines.push(`  <${FAMILY}>`);
    for (const m of f.family) {
      const member: Record<(typeof MEMBER)[number], string> = {
        ChengWei: m.relation,
        XingMing: m.name,
        ChuShengRiQi: compactYearMonth(m.birthDate),
        ZhengZhiMianMao: m.political,
        GongZuoDanWeiJiZhiWu: m.workUnit,
      };
      lines.push('    <Item>', ...MEMBER.map((k) => `      <${k}>${escapeXml(member[k])}</${k}>`), '    </Item>');
    }
    lines.push(`  </${FAMILY}>`);
  }
  lines.push(`</${ROOT}>`, '');
  return lines.join('\r\n');
}

/** "198503", "19850315", "1985.03", "1985-03", "1985年3月" → "1985-03"; anything else is returned as written. */
export function lrmxMonth(raw: string): string {
  const m = /^(\d{4})(?:[.\-/年]?)(\d{1,2})(?:\D|$|\d{2}$)/u.exec(raw.trim());
  if (!m) return raw.trim();
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : raw.trim();
}

const RESUME_LINE = /^\s*(\d{4}\.?\d{2})\s*(?:[—–－〜～~-]+|至)\s*(\d{4}\.?\d{2})?\s*(.*)$/u;

/** Resume text to periods; a line without dates continues the previous period's text. */
export function parseResume(text: string): LrmxPreview['resume'] {
  const out: { start: string; end: string; text: string }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const m = RESUME_LINE.exec(line);
    const last = out.at(-1);
    if (m) out.push({ start: lrmxMonth(m[1] ?? ''), end: m[2] ? lrmxMonth(m[2]) : '', text: (m[3] ?? '').trim() });
    else if (last) last.text += line.trim();
    else out.push({ start: '', end: '', text: line.trim() });
  }
  return out;
}

/** Reads a .lrmx file into the fields a person record could take; nothing is stored. */
export function readLrmx(bytes: Buffer): LrmxPreview {
  const root: XmlElement = parseXml(decodeXmlBytes(bytes));
  if (root.name !== ROOT) throw new AppError('LRMX_INVALID', { reason: `the root element is <${root.name}>, not <${ROOT}>` });
  const known = new Set<string>(LRMX_ELEMENTS);
  const unknown = root.children.map((c) => c.name).filter((n) => !known.has(n) && !OPTIONAL.has(n));
  const t = (name: Field) => childText(root, name);
  const family = (root.children.find((c) => c.name === FAMILY)?.children ?? []).filter((c) => c.name === 'Item');
  const id = t('ShenFenZheng').toUpperCase();
  const parsedId = id ? parseIdNumber(id) : undefined;
  const edu = (prefix: 'QuanRiZhiJiaoYu' | 'ZaiZhiJiaoYu') => ({
    education: t(`${prefix}_XueLi`),
    degree: t(`${prefix}_XueWei`),
    school: [t(`${prefix}_XueLi_BiYeYuanXiaoXi`), t(`${prefix}_XueWei_BiYeYuanXiaoXi`)]
      .filter((s, i, all) => s !== '' && all.indexOf(s) === i)
      .join('；'),
  });
  return {
    name: t('XingMing'),
    sex: t('XingBie'),
    birthMonth: lrmxMonth(t('ChuShengNianYue')),
    ethnicity: t('MinZu'),
    nativePlace: t('JiGuan'),
    birthplace: t('ChuShengDi'),
    partyJoinMonth: lrmxMonth(t('RuDangShiJian')),
    workStartMonth: lrmxMonth(t('CanJiaGongZuoShiJian')),
    health: t('JianKangZhuangKuang'),
    techTitle: t('ZhuanYeJiShuZhiWu'),
    specialty: t('ShuXiZhuanYeYouHeZhuanChang'),
    fullTime: edu('QuanRiZhiJiaoYu'),
    partTime: edu('ZaiZhiJiaoYu'),
    currentPost: t('XianRenZhiWu'),
    proposedPost: t('NiRenZhiWu'),
    proposedRemoval: t('NiMianZhiWu'),
    resume: parseResume(t('JianLi')),
    rewards: t('JiangChengQingKuang'),
    assessment: t('NianDuKaoHeJieGuo'),
    reason: t('RenMianLiYou'),
    family: family.map((item) => ({
      relation: childText(item, 'ChengWei'),
      name: childText(item, 'XingMing'),
      birthMonth: lrmxMonth(childText(item, 'ChuShengRiQi')),
      political: childText(item, 'ZhengZhiMianMao'),
      workUnit: childText(item, 'GongZuoDanWeiJiZhiWu'),
    })),
    reportingUnit: t('ChengBaoDanWei'),
    ageAsOf: t('JiSuanNianLingShiJian'),
    filledAt: t('TianBiaoShiJian'),
    filledBy: t('TianBiaoRen'),
    idNumberMasked: parsedId?.ok ? maskIdNumber(parsedId.info.value) : id ? '******' : '',
    idNumberValid: parsedId?.ok === true,
    hasPhoto: t('ZhaoPian') !== '',
    version: t('Version'),
    codes: { sex: normalize('sex', t('XingBie'))?.code ?? null, ethnicity: normalize('ethnicity', t('MinZu'))?.code ?? null },
    unknownElements: [...new Set(unknown)],
  };
}
