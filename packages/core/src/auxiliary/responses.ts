import { Type, type Static } from '@sinclair/typebox';
import { PersonStatusSchema } from '../personnel/responses.ts';

/** Response schemas of the auxiliary-police routes (officers, contracts, rules, assessment, pay); types are Static<> of them. */

export const ListOfficersResponse = Type.Object({
  total: Type.Number(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      orgId: Type.String(),
      orgName: Type.String(),
      status: PersonStatusSchema,
      idNumberMasked: Type.String(),
      sex: Type.Union([Type.Literal('1'), Type.Literal('2')]),
      birthDate: Type.String(),
      auxCategory: Type.Union([Type.Null(), Type.String()]),
      contractEnd: Type.Union([Type.Null(), Type.String()]),
      contractKind: Type.Union([Type.Null(), Type.String()]),
      payGrade: Type.Union([Type.Null(), Type.String()]),
      /** Null when no pay grade is on record (未定级): no made-up 0.00. */
      grossFen: Type.Union([Type.Null(), Type.Number()]),
      netBeforeTaxFen: Type.Union([Type.Null(), Type.Number()]),
      /** The contract ends within the reminder window in force (the same list 到期提醒 shows). */
      contractDue: Type.Boolean(),
    }),
  ),
  /** The reminder window in force today (settings.contractReminderDays). */
  reminderDays: Type.Number(),
});
export type ListOfficersResponse = Static<typeof ListOfficersResponse>;

export const ContractStatus = Type.Union([Type.Literal('active'), Type.Literal('renewed'), Type.Literal('ended')]);
export type ContractStatus = Static<typeof ContractStatus>;

export const GetOfficerResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  status: PersonStatusSchema,
  statusDate: Type.Union([Type.Null(), Type.String()]),
  idNumberMasked: Type.String(),
  sex: Type.Union([Type.Literal('1'), Type.Literal('2')]),
  birthDate: Type.String(),
  auxCategory: Type.Union([Type.Null(), Type.String()]),
  post: Type.Union([Type.Null(), Type.String()]),
  contractEnd: Type.Union([Type.Null(), Type.String()]),
  contracts: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      startDate: Type.String(),
      endDate: Type.Union([Type.Null(), Type.String()]),
      sequence: Type.Number(),
      previousId: Type.Union([Type.Null(), Type.String()]),
      status: ContractStatus,
      endedDate: Type.Union([Type.Null(), Type.String()]),
      endReason: Type.Union([Type.Null(), Type.String()]),
      note: Type.Union([Type.Null(), Type.String()]),
      probationEnd: Type.Union([Type.Null(), Type.String()]),
      /** 劳动合同法 第十四条 reasons the officer could claim an open-ended contract when this one was signed. */
      openEndedReasons: Type.Array(Type.String()),
      workerChoseFixedTerm: Type.Boolean(),
    }),
  ),
  payGrades: Type.Array(
    Type.Object({
      id: Type.String(),
      grade: Type.String(),
      personalAdjustFen: Type.Number(),
      startDate: Type.String(),
      endDate: Type.Union([Type.Null(), Type.String()]),
      adjustmentId: Type.Union([Type.Null(), Type.String()]),
      note: Type.Union([Type.Null(), Type.String()]),
    }),
  ),
  uniforms: Type.Array(
    Type.Object({
      id: Type.String(),
      item: Type.String(),
      size: Type.Union([Type.Null(), Type.String()]),
      quantity: Type.Number(),
      issueDate: Type.String(),
      nextDueDate: Type.Union([Type.Null(), Type.String()]),
      note: Type.Union([Type.Null(), Type.String()]),
    }),
  ),
  exits: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      exitDate: Type.String(),
      reason: Type.String(),
      /** 经济补偿 (劳动合同法 第四十七条) recorded at exit: months of wage and the amount, or null when none is due. */
      compensationMonths: Type.Union([Type.Null(), Type.Number()]),
      compensationFen: Type.Union([Type.Null(), Type.Number()]),
    }),
  ),
  assessments: Type.Array(
    Type.Object({
      monthId: Type.String(),
      month: Type.String(),
      orgName: Type.String(),
      status: Type.Union([Type.Literal('draft'), Type.Literal('confirmed')]),
      grade: Type.Union([Type.Null(), Type.String()]),
      score: Type.Union([Type.Null(), Type.Number()]),
      amountFen: Type.Union([Type.Null(), Type.Number()]),
    }),
  ),
  payEstimate: Type.Object({
    grade: Type.Union([Type.Null(), Type.String()]),
    basePayFen: Type.Number(),
    allowancesFen: Type.Number(),
    personalAdjustFen: Type.Number(),
    grossFen: Type.Number(),
    assessmentFen: Type.Number(),
    insuranceBaseFen: Type.Number(),
    personalInsuranceFen: Type.Number(),
    employerInsuranceFen: Type.Number(),
    netBeforeTaxFen: Type.Number(),
    employerCostFen: Type.Number(),
    gradeUnknown: Type.Boolean(),
    month: Type.String(),
  }),
});
export type GetOfficerResponse = Static<typeof GetOfficerResponse>;

export const CreateContractResponse = Type.Object({ id: Type.String() });
export type CreateContractResponse = Static<typeof CreateContractResponse>;

export const ContractRemindersResponse = Type.Object({
  days: Type.Number(),
  today: Type.String(),
  items: Type.Array(
    Type.Object({
      /** Null when the end date is only on the person's record (imported) and no contract was entered yet. */
      contractId: Type.Union([Type.Null(), Type.String()]),
      personId: Type.String(),
      name: Type.String(),
      orgName: Type.String(),
      kind: Type.Union([Type.Null(), Type.String()]),
      startDate: Type.Union([Type.Null(), Type.String()]),
      endDate: Type.String(),
      sequence: Type.Union([Type.Null(), Type.Number()]),
      daysLeft: Type.Number(),
      /** Renewing this contract: the officer may claim an open-ended contract (劳动合同法 第十四条). */
      openEndedRight: Type.Boolean(),
    }),
  ),
});
export type ContractRemindersResponse = Static<typeof ContractRemindersResponse>;

export const ContractReminders2Response = Type.Object({ count: Type.Number(), overdue: Type.Number(), days: Type.Number() });
export type ContractReminders2Response = Static<typeof ContractReminders2Response>;

export const UniformsDueResponse = Type.Array(
  Type.Object({
    id: Type.String(),
    personId: Type.String(),
    name: Type.String(),
    orgName: Type.String(),
    item: Type.String(),
    size: Type.Union([Type.Null(), Type.String()]),
    quantity: Type.Number(),
    issueDate: Type.String(),
    nextDueDate: Type.Union([Type.Null(), Type.String()]),
  }),
);
export type UniformsDueResponse = Static<typeof UniformsDueResponse>;

export const ListMonthsResponse = Type.Array(
  Type.Object({
    id: Type.String(),
    orgId: Type.String(),
    orgName: Type.String(),
    month: Type.String(),
    fundFen: Type.Number(),
    status: Type.Union([Type.Literal('draft'), Type.Literal('confirmed')]),
    totalFen: Type.Union([Type.Null(), Type.Number()]),
    confirmedByName: Type.Union([Type.Null(), Type.String()]),
    confirmedAt: Type.Union([Type.Null(), Type.String()]),
  }),
);
export type ListMonthsResponse = Static<typeof ListMonthsResponse>;

export const FrozenTable = Type.Object({
  versionId: Type.Union([Type.Null(), Type.String()]),
  effectiveFrom: Type.String(),
  value: Type.Object({
    grades: Type.Array(
      Type.Object({
        code: Type.Union([Type.Literal('excellent'), Type.Literal('qualified'), Type.Literal('basic'), Type.Literal('unqualified')]),
        label: Type.String(),
        minScore: Type.Number(),
        amountFen: Type.Number(),
      }),
    ),
    excellentMaxShare: Type.Optional(Type.Number()),
    fundMode: Type.Optional(Type.String()),
  }),
});
export type FrozenTable = Static<typeof FrozenTable>;

export const FundUseSchema = Type.Object({
  drawnFen: Type.Number(),
  deductedFen: Type.Number(),
  netFen: Type.Number(),
  fundFen: Type.Number(),
  remainingFen: Type.Number(),
  overFen: Type.Number(),
  fits: Type.Boolean(),
});

export const GetMonthResponse = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  month: Type.String(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('confirmed')]),
  fundFen: Type.Number(),
  confirmedByName: Type.Union([Type.Null(), Type.String()]),
  confirmedAt: Type.Union([Type.Null(), Type.String()]),
  gradeTable: FrozenTable,
  rows: Type.Array(
    Type.Object({
      personId: Type.String(),
      name: Type.String(),
      idNumberMasked: Type.String(),
      orgName: Type.String(),
      payGrade: Type.Union([Type.Null(), Type.String()]),
      grade: Type.Union([
        Type.Null(),
        Type.Literal('excellent'),
        Type.Literal('qualified'),
        Type.Literal('basic'),
        Type.Literal('unqualified'),
      ]),
      gradeEntered: Type.Boolean(),
      score: Type.Union([Type.Null(), Type.Number()]),
      amountFen: Type.Union([Type.Null(), Type.Number()]),
      note: Type.Union([Type.Null(), Type.String()]),
    }),
  ),
  missing: Type.Number(),
  fund: FundUseSchema,
  fundMode: Type.Union([Type.Literal('separate'), Type.Literal('penaltiesFundRewards')]),
  quota: Type.Object({ allowed: Type.Union([Type.Null(), Type.Number()]), count: Type.Number(), fits: Type.Boolean() }),
});
export type GetMonthResponse = Static<typeof GetMonthResponse>;

export const SetPayGradeResponse = Type.Object({ ok: Type.Boolean() });
export type SetPayGradeResponse = Static<typeof SetPayGradeResponse>;

export const PreviewAdjustmentResponse = Type.Object({
  rows: Type.Array(
    Type.Object({
      personId: Type.String(),
      name: Type.String(),
      orgName: Type.String(),
      gradeBefore: Type.Union([Type.Null(), Type.String()]),
      gradeAfter: Type.Union([Type.Null(), Type.String()]),
      personalAdjustBeforeFen: Type.Number(),
      personalAdjustAfterFen: Type.Number(),
      grossBeforeFen: Type.Number(),
      grossAfterFen: Type.Number(),
      employerCostBeforeFen: Type.Number(),
      employerCostAfterFen: Type.Number(),
    }),
  ),
  effectiveDate: Type.String(),
  scaleVersion: Type.Object({ id: Type.Union([Type.Null(), Type.String()]), effectiveFrom: Type.String() }),
  totals: Type.Object({
    people: Type.Number(),
    beforeFen: Type.Number(),
    afterFen: Type.Number(),
    employerCostBeforeFen: Type.Number(),
    employerCostAfterFen: Type.Number(),
  }),
});
export type PreviewAdjustmentResponse = Static<typeof PreviewAdjustmentResponse>;

export const ApplyAdjustmentResponse = Type.Object({
  id: Type.String(),
  people: Type.Number(),
  beforeFen: Type.Number(),
  afterFen: Type.Number(),
});
export type ApplyAdjustmentResponse = Static<typeof ApplyAdjustmentResponse>;

export const ListAdjustmentsResponse = Type.Array(
  Type.Object({
    id: Type.String(),
    kind: Type.Union([Type.Literal('grade'), Type.Literal('percent'), Type.Literal('scale')]),
    change: Type.Unknown(),
    effectiveDate: Type.String(),
    people: Type.Number(),
    beforeFen: Type.Number(),
    afterFen: Type.Number(),
    note: Type.Union([Type.Null(), Type.String()]),
    createdByName: Type.Union([Type.Null(), Type.String()]),
    createdAt: Type.String(),
  }),
);
export type ListAdjustmentsResponse = Static<typeof ListAdjustmentsResponse>;

/** One dated version of an auxiliary rule table (grade table, pay scale, social insurance, settings). */
export const AuxRuleVersionView = Type.Object({
  id: Type.Union([Type.Null(), Type.String()]),
  ruleSet: Type.Union([Type.Literal('gradeTable'), Type.Literal('payScale'), Type.Literal('socialInsurance'), Type.Literal('settings')]),
  jurisdiction: Type.String(),
  effectiveFrom: Type.String(),
  value: Type.Union([
    Type.Object({
      grades: Type.Array(
        Type.Object({
          code: Type.Union([Type.Literal('excellent'), Type.Literal('qualified'), Type.Literal('basic'), Type.Literal('unqualified')]),
          label: Type.String(),
          minScore: Type.Number(),
          amountFen: Type.Number(),
        }),
      ),
      excellentMaxShare: Type.Optional(Type.Number()),
      fundMode: Type.Optional(Type.String()),
    }),
    Type.Object({
      grades: Type.Array(
        Type.Object({
          code: Type.String(),
          basePayFen: Type.Number(),
          allowances: Type.Array(Type.Object({ amountFen: Type.Number(), name: Type.String() })),
        }),
      ),
    }),
    Type.Object({
      baseMinFen: Type.Number(),
      baseMaxFen: Type.Number(),
      items: Type.Array(Type.Object({ name: Type.String(), employerRate: Type.Number(), personalRate: Type.Number() })),
    }),
    Type.Object({
      contractReminderDays: Type.Number(),
      firstContractYears: Type.Number(),
      renewalYears: Type.Number(),
      probationMonths: Type.Optional(Type.Number()),
      openEndedAfterFixedTerms: Type.Optional(Type.Number()),
      openEndedAfterYears: Type.Optional(Type.Number()),
    }),
  ]),
  evidence: Type.Union([Type.Literal('V'), Type.Literal('S'), Type.Literal('U')]),
  source: Type.Union([Type.Null(), Type.String()]),
  note: Type.Union([Type.Null(), Type.String()]),
});

export const ListRuleResponse = Type.Object({ inForce: AuxRuleVersionView, versions: Type.Array(AuxRuleVersionView) });
export type ListRuleResponse = Static<typeof ListRuleResponse>;

export const AddRuleVersionResponse = AuxRuleVersionView;
export type AddRuleVersionResponse = Static<typeof AddRuleVersionResponse>;
