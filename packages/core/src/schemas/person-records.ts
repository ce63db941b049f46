import { Type } from '@sinclair/typebox';
import { Strict } from './common.ts';
import { DecimalHours, HoursSource } from '../training/hours-ledger.ts';

const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}(-\\d{2})?$' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Opt = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(t);

/** Dated records kept on a person (简历, 家庭成员, 学历, 奖励, 惩处, 培训学时); one body schema per kind. */
export const personRecordBodies = {
  resume: Strict({ startDate: DateStr, endDate: Opt(DateStr), text: Text(500) }),
  family: Strict({ relation: Text(20), name: Text(50), birthDate: Opt(DateStr), politicalStatus: Opt(Text(20)), workUnit: Opt(Text(200)) }),
  education: Strict({
    level: Text(20),
    degree: Opt(Text(20)),
    school: Opt(Text(100)),
    major: Opt(Text(100)),
    fullTime: Type.Boolean(),
    startDate: Opt(DateStr),
    endDate: Opt(DateStr),
  }),
  awards: Strict({ date: DateStr, name: Text(200), level: Opt(Text(32)), issuer: Opt(Text(200)) }),
  discipline: Strict({ date: DateStr, kind: Text(32), reason: Opt(Text(500)), endDate: Opt(DateStr) }),
  training: Strict({
    date: DateStr,
    course: Text(200),
    hours: DecimalHours(2000),
    organizer: Opt(Text(200)),
    source: Type.Optional(HoursSource),
  }),
} as const;
export type PersonRecordKind = keyof typeof personRecordBodies;

/** A filter is a handful of list parameters: bounded in keys and value length (SAVED_FILTER_LIMITS too). */
export const SavedFilterBody = Strict({
  name: Text(100),
  filter: Type.Record(Type.String({ maxLength: 64 }), Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Boolean()]), {
    maxProperties: 40,
  }),
});
export const SAVED_FILTER_LIMITS = { perUser: 30, maxBytes: 8192 } as const;

export const StatsQuerySchema = Strict({
  orgId: Type.Optional(Type.String({ format: 'uuid' })),
  asOf: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  kind: Type.Optional(Type.Union([Type.Literal('officer'), Type.Literal('auxiliary')])),
});

export const CorrectionBody = Strict({
  changes: Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 200 }), { minProperties: 1, maxProperties: 20 }),
  reason: Type.Optional(Type.String({ maxLength: 500 })),
});
export const DecisionBody = Strict({ note: Type.Optional(Type.String({ maxLength: 500 })) });
