import type {
  AssessmentGrade as CoreAssessmentGrade,
  ContractRemindersResponse,
  CreateContractBody,
  ExitKind as CoreExitKind,
  GetMonthResponse,
  GetOfficerResponse,
  GradeTableValue,
  ListAdjustmentsResponse,
  ListMonthsResponse,
  ListOfficersResponse,
  ListRuleResponse,
  PayAdjustmentPreviewBody,
  PayScaleValue,
  PreviewAdjustmentResponse,
  SettingsValue,
  SocialInsuranceValue,
  UniformsDueResponse,
} from '@zhenggong/core';

/**
 * Shapes of the /api/v1/auxiliary answers (docs/api-auxiliary.md): aliases of core's schema
 * types (erased at build), plus the URL-keyed rule map the web keeps itself.
 */
export type AssessmentGrade = CoreAssessmentGrade;
export type ContractKind = CreateContractBody['kind'];
export type ExitKind = CoreExitKind;

export type OfficerList = ListOfficersResponse;
export type OfficerListItem = ListOfficersResponse['items'][number];

export type OfficerDetail = GetOfficerResponse;
export type Contract = GetOfficerResponse['contracts'][number];
export type PayEstimate = GetOfficerResponse['payEstimate'];

export type Reminders = ContractRemindersResponse;
export type Reminder = ContractRemindersResponse['items'][number];

export type UniformDue = UniformsDueResponse[number];

export type GradeTable = GradeTableValue;
export type PayScale = PayScaleValue;
export type SocialInsurance = SocialInsuranceValue;
export type Settings = SettingsValue;
/** Rule tables by their URL segment under /rules. */
export interface RuleValues {
  'grade-table': GradeTable;
  'pay-scale': PayScale;
  'social-insurance': SocialInsurance;
  settings: Settings;
}
/** One dated version of a rule table, its value narrowed to the table asked for. */
export type RuleVersion<V> = Omit<ListRuleResponse['inForce'], 'value'> & { value: V };

export type MonthSummary = ListMonthsResponse[number];
export type MonthGrid = GetMonthResponse;
export type GridRow = GetMonthResponse['rows'][number];

export type AdjustmentRequest = PayAdjustmentPreviewBody;
export type PayChange = AdjustmentRequest['change'];
export type AdjustmentPreview = PreviewAdjustmentResponse;
export type Adjustment = ListAdjustmentsResponse[number];

/**
 * The server sends contract and exit kinds as plain strings (imported records may carry others);
 * these narrow them for the labelled lists, with null for a kind the web has no label for.
 */
export const CONTRACT_KINDS = ['fixed', 'open_ended', 'task'] as const satisfies readonly ContractKind[];
export const EXIT_KINDS = ['resignation', 'dismissal', 'contract_end'] as const satisfies readonly ExitKind[];
export const asContractKind = (kind: string | null): ContractKind | null => CONTRACT_KINDS.find((k) => k === kind) ?? null;
export const asExitKind = (kind: string | null): ExitKind | null => EXIT_KINDS.find((k) => k === kind) ?? null;
