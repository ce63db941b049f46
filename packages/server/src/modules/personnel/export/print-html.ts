import { createHash } from 'node:crypto';
import type { LoadedPerson } from './appointment-form.ts';
import { kindNames, statusNames } from './export-columns.ts';
import { dictName, politicalShort, resumeLine, yearMonth } from './form-format.ts';
import type { Watermark } from './watermark.ts';

/** Print stylesheet: A4, 宋体, one static block so the CSP can allow exactly it by hash. */
const STYLE = `
@page { size: A4; margin: 16mm 14mm 20mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif; font-size: 10.5pt; color: #000; }
h1 { text-align: center; font-size: 20pt; letter-spacing: 0.3em; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; padding-left: 2mm; border-left: 3pt solid #000; break-after: avoid; }
table { width: 100%; border-collapse: collapse; break-inside: auto; }
th, td { border: 0.75pt solid #000; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
th { font-weight: normal; background: #f2f2f2; white-space: nowrap; }
.pairs th { width: 13%; }
tr { break-inside: avoid; }
.lines p { margin: 0 0 1mm; padding-left: 9.5em; text-indent: -9.5em; white-space: pre-wrap; }
.timeline tr > :first-child { width: 16%; white-space: nowrap; }
.timeline tr > :nth-child(2) { width: 10%; white-space: nowrap; }
.empty { color: #555; }
.meta { text-align: right; font-size: 9pt; margin-bottom: 2mm; }
.wm { position: fixed; top: 40%; left: 0; right: 0; text-align: center; transform: rotate(-24deg); font-size: 26pt; color: rgba(0, 0, 0, 0.07); pointer-events: none; white-space: nowrap; }
.foot { position: fixed; bottom: -12mm; left: 0; right: 0; text-align: center; font-size: 8pt; color: #333; }
@media screen { body { max-width: 210mm; margin: 8mm auto; padding: 0 10mm; } .foot { position: static; margin-top: 8mm; } }
`;

/** Content-Security-Policy of the print page: no scripts, nothing fetched; only the stylesheet above. */
export const PRINT_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const esc = (s: string | number | null | undefined): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Rows of label/value pairs, two pairs a row. */
function pairs(items: readonly (readonly [string, string | number | null | undefined])[]): string {
  const rows: string[] = [];
  for (let i = 0; i < items.length; i += 2) {
    const cells = items.slice(i, i + 2).map(([k, v]) => `<th>${esc(k)}</th><td>${esc(v)}</td>`);
    if (cells.length === 1) cells.push('<th></th><td></td>');
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  return `<table class="pairs">${rows.join('')}</table>`;
}

const table = (head: readonly string[], rows: readonly (readonly (string | number | null)[])[], cls = '') =>
  rows.length === 0
    ? '<p class="empty">无</p>'
    : `<table${cls ? ` class="${cls}"` : ''}><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
        .join('')}</table>`;

type Event = { date: string; kind: string; text: string };

/** Everything dated in the record, oldest first: the profile's timeline on paper. */
function timeline({ history: h }: LoadedPerson): Event[] {
  const seq = { officer: '警员职级', tech: '警务技术职级', admin: '职级' } as const;
  const events: Event[] = [
    ...h.orgs.map((o) => ({
      date: o.start_date,
      kind: '任职',
      text: `${o.org_name}${o.post ?? ''}${o.end_date ? `（至 ${o.end_date}）` : ''}`,
    })),
    ...h.ranks.map((r) => ({
      date: r.start_date,
      kind: '警衔',
      text: `授予${dictName('police_rank', r.rank)}${r.note ? `（${r.note}）` : ''}`,
    })),
    ...h.levels.map((l) => ({
      date: l.start_date,
      kind: '职级',
      text: `${seq[l.sequence]}：${dictName(l.sequence === 'tech' ? 'police_tech_level' : 'police_officer_level', l.level)}`,
    })),
    ...h.statuses.map((s) => ({ date: s.start_date, kind: '状态', text: `${statusNames[s.status]}${s.note ? `（${s.note}）` : ''}` })),
    ...h.awards.map((a) => ({ date: a.date, kind: '奖励', text: `${a.name}${a.issuer ? `（${a.issuer}）` : ''}` })),
    ...h.discipline.map((d) => ({ date: d.date, kind: '处分', text: `${d.kind}${d.reason ? `：${d.reason}` : ''}` })),
  ];
  return events.sort((a, b) => a.date.localeCompare(b.date));
}

/** The printable profile (人员信息表): self-contained HTML, sensitive values masked as on screen. */
export function printHtml(p: LoadedPerson, mark: Watermark): string {
  const { row, history: h, form: f } = p;
  const basics: [string, string | number | null][] = [
    ['姓名', row.name],
    ['曾用名', (JSON.parse(row.former_names) as string[]).join('、')],
    ['性别', f.sex],
    ['出生日期', `${row.birth_date}${f.age === null ? '' : `（${f.age}岁）`}`],
    ['民族', f.ethnicity],
    ['政治面貌', dictName('political_status', row.political_status)],
    ['籍贯', f.nativePlace],
    ['出生地', f.birthplace],
    ['入党时间', row.party_join_date],
    ['参加工作时间', row.work_start_date],
    ['学历', dictName('education', row.education)],
    ['学位', row.degree],
    ['身份证号', row.id_number_masked],
    ['手机号', row.phone_masked],
    ['人员类别', kindNames[row.kind]],
    ['警号', row.police_number],
    ['所在单位', row.org_name],
    ['职务', row.post],
    ['警衔', dictName('police_rank', row.rank)],
    ['授衔时间', row.rank_date],
    ['警员职级', dictName('police_officer_level', row.officer_level)],
    ['警务技术职级', dictName('police_tech_level', row.tech_level)],
    ['入警时间', row.police_start_date],
    ['人员状态', statusNames[row.status]],
  ];
  if (row.kind === 'auxiliary') basics.push(['辅警类别', row.aux_category], ['合同到期', row.contract_end]);
  const resume =
    f.resume.length === 0
      ? '<p class="empty">无</p>'
      : `<div class="lines">${f.resume.map((r) => `<p>${esc(resumeLine(r.start, r.end, r.text))}</p>`).join('')}</div>`;
  const body = [
    `<h1>人员信息表</h1>`,
    `<p class="meta">${esc(row.name)} · ${esc(row.org_name)}</p>`,
    `<h2>基本信息</h2>${pairs(basics)}`,
    `<h2>学历学位</h2>${table(
      ['学历', '学位', '学校', '专业', '形式', '起止时间'],
      h.education.map((e) => [
        dictName('education', e.level),
        e.degree,
        e.school,
        e.major,
        e.full_time ? '全日制' : '在职',
        `${yearMonth(e.start_date)}—${yearMonth(e.end_date)}`,
      ]),
    )}`,
    `<h2>简历</h2>${resume}`,
    `<h2>履历时间轴</h2>${table(
      ['日期', '类别', '内容'],
      timeline(p).map((e) => [e.date, e.kind, e.text]),
      'timeline',
    )}`,
    `<h2>奖惩情况</h2>${f.rewards.length === 0 ? '<p class="empty">无</p>' : `<div class="lines">${f.rewards.map((l) => `<p>${esc(l)}</p>`).join('')}</div>`}`,
    `<h2>家庭主要成员及重要社会关系</h2>${table(
      ['称谓', '姓名', '出生年月', '政治面貌', '工作单位及职务'],
      h.family.map((m) => [m.relation, m.name, yearMonth(m.birth_date), politicalShort(m.political_status), m.work_unit]),
    )}`,
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>人员信息表 - ${esc(row.name)}</title>`,
    '<meta name="robots" content="noindex">',
    `<style>${STYLE}</style></head><body>`,
    `<div class="wm" aria-hidden="true">${esc(`${mark.displayName} ${mark.username} ${mark.localTime}`)}</div>`,
    ...body,
    `<div class="foot">${esc(mark.line)}</div>`,
    '</body></html>',
  ].join('\n');
}
