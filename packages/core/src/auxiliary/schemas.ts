import { Type, type Static } from '@sinclair/typebox';
import { Id, Strict } from '../schemas/common.ts';
import { AssessmentGradeSchema, PayScaleValue } from './rules.ts';

const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const AuxMonthStr = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });
const Note = Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()]));

/** Labour contract kinds (劳动合同): fixed term, open-ended, for a defined task. */
export const contractKinds = ['fixed', 'open_ended', 'task'] as const;
const ContractKind = Type.Union(contractKinds.map((k) => Type.Literal(k)));

export const AuxOfficerQuery = Type.Object({
  orgId: Type.Optional(Id),
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  status: Type.Optional(Type.Union([Type.Literal('serving'), Type.Literal('left'), Type.Literal('all')])),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
export type AuxOfficerQuery = Static<typeof AuxOfficerQuery>;

export const CreateContractBody = Strict({
  kind: ContractKind,
  startDate: DateStr,
  /** Absent: start + the first-contract length from settings; null only for open-ended contracts. */
  endDate: Type.Optional(Type.Union([DateStr, Type.Null()])),
  /** Probation in months (试用期); absent: the settings value, capped by 劳动合同法 第十九条. */
  probationMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 6 })),
  note: Note,
});
export type CreateContractBody = Static<typeof CreateContractBody>;

export const RenewContractBody = Strict({
  kind: Type.Optional(ContractKind),
  /** Absent: the day after the old contract ends. */
  startDate: Type.Optional(DateStr),
  endDate: Type.Optional(Type.Union([DateStr, Type.Null()])),
  /**
   * When the officer has the right to an open-ended contract (劳动合同法 第十四条), a fixed term is
   * signed only if the officer asked for one: the clerk confirms it here, and it is kept.
   */
  workerChoseFixedTerm: Type.Optional(Type.Boolean()),
  note: Note,
});
export type RenewContractBody = Static<typeof RenewContractBody>;

export const ReminderQuery = Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })) });

export const RuleVersionBody = <T extends ReturnType<typeof Strict>>(value: T) =>
  Strict({
    effectiveFrom: DateStr,
    /** Defaults to the instance's city; a province code (xx0000) or 000000 for wider rules. */
    jurisdiction: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
    value,
    evidence: Type.Optional(Type.Union([Type.Literal('V'), Type.Literal('S'), Type.Literal('U')])),
    source: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    note: Note,
  });

export const OpenMonthBody = Strict({ orgId: Id, month: AuxMonthStr, fundFen: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }) });
export type OpenMonthBody = Static<typeof OpenMonthBody>;
export const MonthFundBody = Strict({ fundFen: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }) });

export const AuxMonthQuery = Type.Object({ month: Type.Optional(AuxMonthStr), orgId: Type.Optional(Id) });

export const GradeEntriesBody = Strict({
  entries: Type.Array(
    Strict({
      personId: Id,
      grade: Type.Union([AssessmentGradeSchema, Type.Null()]),
      score: Type.Union([Type.Number({ minimum: 0, maximum: 1000 }), Type.Null()]),
      note: Note,
    }),
    { maxItems: 2000 },
  ),
});
export type GradeEntriesBody = Static<typeof GradeEntriesBody>;

export const SetPayGradeBody = Strict({
  grade: Type.String({ minLength: 1, maxLength: 32 }),
  startDate: DateStr,
  personalAdjustFen: Type.Optional(Type.Integer({ minimum: -10_000_000, maximum: 10_000_000 })),
  note: Note,
});
export type SetPayGradeBody = Static<typeof SetPayGradeBody>;

const PayChange = Type.Union([
  Strict({ kind: Type.Literal('percent'), percent: Type.Number({ minimum: -50, maximum: 100 }) }),
  Strict({ kind: Type.Literal('grade'), grade: Type.String({ minLength: 1, maxLength: 32 }) }),
  Strict({ kind: Type.Literal('scale'), scale: PayScaleValue }),
]);

const AdjustmentFields = {
  effectiveDate: DateStr,
  filter: Strict({
    orgId: Type.Optional(Id),
    grades: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: 40 })),
    personIds: Type.Optional(Type.Array(Id, { maxItems: 5000 })),
  }),
  change: PayChange,
  note: Note,
};
export const PayAdjustmentPreviewBody = Strict(AdjustmentFields);
export type PayAdjustmentPreviewBody = Static<typeof PayAdjustmentPreviewBody>;
/** Confirming repeats the previewed request and its after-total, so a stale preview is refused. */
export const PayAdjustmentBody = Strict({ ...AdjustmentFields, expectedAfterTotalFen: Type.Integer() });
export type PayAdjustmentBody = Static<typeof PayAdjustmentBody>;

export const UniformBody = Strict({
  item: Type.String({ minLength: 1, maxLength: 50 }),
  size: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
  quantity: Type.Integer({ minimum: 1, maximum: 100 }),
  issueDate: DateStr,
  nextDueDate: Type.Optional(Type.Union([DateStr, Type.Null()])),
  note: Note,
});
export type UniformBody = Static<typeof UniformBody>;

/** Ways out (离职): resignation (辞职), dismissal (辞退), end of contract (合同到期终止). */
export const exitKinds = ['resignation', 'dismissal', 'contract_end'] as const;
export type ExitKind = (typeof exitKinds)[number];
export const ExitBody = Strict({
  kind: Type.Union(exitKinds.map((k) => Type.Literal(k))),
  exitDate: DateStr,
  reason: Type.String({ minLength: 1, maxLength: 500 }),
  /**
   * 经济补偿 (劳动合同法 第四十六、四十七条): the monthly wage it is computed on, in fen; absent
   * for a resignation. Months come from the service since the first contract.
   */
  compensationWageFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
});
export type ExitBody = Static<typeof ExitBody>;
