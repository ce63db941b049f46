import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lrmxMonth, parseResume, readLrmx } from './lrmx.ts';
import { decodeXmlBytes, escapeXml, parseXml } from './lrmx-xml.ts';
import { placeName, politicalShort, resumeLine, xmlSafe, yearMonth } from './form-format.ts';

const reason = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return String((e as { details?: { reason?: string } }).details?.reason);
  }
  return 'no error';
};

describe('the restricted XML reader', () => {
  it('reads elements, entities, CDATA, comments and ignores attributes', () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<!-- c --><Person a="x>y"><XingMing>张&amp;三&#x4E00;&#20108;</XingMing><JianLi><![CDATA[a<b]]>\r\nc</JianLi><Empty/></Person>',
    );
    expect(root.name).toBe('Person');
    expect(root.children.map((c) => [c.name, c.text])).toEqual([
      ['XingMing', '张&三一二'],
      ['JianLi', 'a<b\nc'],
      ['Empty', ''],
    ]);
  });

  it('refuses DTDs and entity declarations (no XXE, no entity expansion)', () => {
    expect(reason(() => parseXml('<!DOCTYPE Person [<!ENTITY x SYSTEM "file:///etc/passwd">]><Person>&x;</Person>'))).toMatch(/DTD/);
    expect(reason(() => parseXml('<Person>&x;</Person>'))).toMatch(/unknown entity/);
    expect(reason(() => parseXml('<Person>a & b</Person>'))).toMatch(/bare/);
  });

  it('refuses malformed documents with a reason', () => {
    expect(reason(() => parseXml('<Person><A></B></Person>'))).toMatch(/unexpected <\/B>/);
    expect(reason(() => parseXml('<Person><A>'))).toMatch(/not closed/);
    expect(reason(() => parseXml('<A/><B/>'))).toMatch(/more than one root/);
    expect(reason(() => parseXml('text'))).toMatch(/outside the root/);
    expect(reason(() => parseXml(`${'<a>'.repeat(20)}${'</a>'.repeat(20)}`))).toMatch(/nested too deeply/);
    expect(reason(() => parseXml(`<a>${'<b/>'.repeat(6000)}</a>`))).toMatch(/too many elements/);
  });

  it('round-trips any text through escapeXml (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const expected = xmlSafe(s).replace(/\r\n?/g, '\n');
        expect(parseXml(`<a>${escapeXml(s)}</a>`).text).toBe(expected);
      }),
    );
  });

  it('decodes by BOM or declared encoding, including the gb2312 of older files, and refuses undecodable bytes', () => {
    const gbk = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="gb2312"?><Person><XingMing>'),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
      Buffer.from('</XingMing></Person>'),
    ]);
    expect(decodeXmlBytes(gbk)).toContain('张三');
    expect(decodeXmlBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a>张</a>')]))).toContain('张');
    expect(decodeXmlBytes(Buffer.from('\ufeff<a>李</a>', 'utf16le'))).toContain('李');
    expect(reason(() => decodeXmlBytes(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c])))).toMatch(/cannot decode/);
  });
});

describe('.lrmx fields', () => {
  it('reads months in the forms files use', () => {
    expect(['198503', '19850315', '1985.03', '1985.3', '1985-03', '1985年3月'].map(lrmxMonth)).toEqual(Array(6).fill('1985-03'));
    expect(lrmxMonth('至今')).toBe('至今');
    expect(lrmxMonth('198513')).toBe('198513');
  });

  it('splits the resume into periods; wrapped lines continue the previous period', () => {
    expect(parseResume('1985.09--1989.07  XX大学\n    XX专业学生\n1989.07—          XX局科员\n2001.03至2003.05 YY')).toEqual([
      { start: '1985-09', end: '1989-07', text: 'XX大学XX专业学生' },
      { start: '1989-07', end: '', text: 'XX局科员' },
      { start: '2001-03', end: '2003-05', text: 'YY' },
    ]);
  });

  it('reports elements it does not know, tolerates those of later versions, refuses a foreign root', () => {
    const p = readLrmx(
      Buffer.from(
        '<Person><XingMing>王五</XingMing><DaoLingNianYue>204501</DaoLingNianYue><Foo>1</Foo><ShenFenZheng>123</ShenFenZheng></Person>',
      ),
    );
    expect(p).toMatchObject({
      name: '王五',
      unknownElements: ['Foo'],
      idNumberValid: false,
      idNumberMasked: '******',
      family: [],
      resume: [],
    });
    expect(reason(() => readLrmx(Buffer.from('<Root/>')))).toMatch(/not <Person>/);
  });
});

describe('form wording', () => {
  it('writes 籍贯/出生地 as province and city or county, municipalities by name', () => {
    expect(placeName('330102')).toBe('浙江杭州');
    expect(placeName('330282')).toBe('浙江慈溪');
    expect(placeName('110105')).toBe('北京');
    expect(placeName('422800')).toBe('湖北恩施');
    expect(placeName('422801')).toBe('湖北恩施');
    expect(placeName('450000')).toBe('广西');
    expect(placeName('999999')).toBe('999999');
  });

  it('writes dates, resume lines and political status as the form does', () => {
    expect(yearMonth('1985-03-15')).toBe('1985.03');
    expect(yearMonth(null)).toBe('');
    expect(resumeLine('1985-09-01', '1989-07-01', 'XX大学XX专业学生')).toBe('1985.09—1989.07  XX大学XX专业学生');
    expect(resumeLine('2015-03-01', null, '所长', '--')).toBe('2015.03--         所长');
    expect([politicalShort('01'), politicalShort('13'), politicalShort(null)]).toEqual(['中共党员', '群众', '']);
  });
});
