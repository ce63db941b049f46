/** Shapes of the /api/v1/auxiliary answers (docs/api-auxiliary.md). */
export type AssessmentGrade = 'excellent' | 'qualified' | 'basic' | 'unqualified';
export type ContractKind = 'fixed' | 'open_ended' | 'task';
export type ExitKind = 'resignation' | 'dismissal' | 'contract_end';

export interface OfficerListItem {
  id: string;
  name: string;
  orgId: string;
  orgName: string;
  status: string;
  idNumberMasked: string;
  auxCategory: string | null;
  contractEnd: string | null;
  contractKind: ContractKind | null;
  payGrade: string | null;
  /** Null without a pay grade on record (未定级). */
  grossFen: number | null;
  netBeforeTaxFen: number | null;
  /** Ends within the reminder window in force, exactly as 到期提醒 lists it. */
  contractDue: boolean;
}

export interface PayEstimate {
  month: string;
  grade: string | null;
  basePayFen: number;
  allowancesFen: number;
  personalAdjustFen: number;
  grossFen: number;
  assessmentFen: number;
  insuranceBaseFen: number;
  personalInsuranceFen: number;
  employerInsuranceFen: number;
  netBeforeTaxFen: number;
  employerCostFen: number;
}

export interface Contract {
  id: string;
  kind: ContractKind;
  startDate: string;
  endDate: string | null;
  sequence: number;
  status: 'active' | 'renewed' | 'ended';
  endedDate: string | null;
  endReason: string | null;
}

export interface OfficerDetail {
  id: string;
  name: string;
  orgName: string;
  status: string;
  statusDate: string | null;
  idNumberMasked: string;
  birthDate: string;
  auxCategory: string | null;
  post: string | null;
  contractEnd: string | null;
  contracts: Contract[];
  payGrades: { id: string; grade: string; personalAdjustFen: number; startDate: string; endDate: string | null; note: string | null }[];
  uniforms: {
    id: string;
    item: string;
    size: string | null;
    quantity: number;
    issueDate: string;
    nextDueDate: string | null;
    note: string | null;
  }[];
  exits: { id: string; kind: ExitKind; exitDate: string; reason: string }[];
  assessments: {
    monthId: string;
    month: string;
    orgName: string;
    status: string;
    grade: AssessmentGrade | null;
    score: number | null;
    amountFen: number | null;
  }[];
  payEstimate: PayEstimate;
}

export interface Reminder {
  /** Null when only the person's record carries the end date (imported, no contract entered yet). */
  contractId: string | null;
  personId: string;
  name: string;
  orgName: string;
  kind: ContractKind | null;
  startDate: string | null;
  endDate: string;
  sequence: number | null;
  daysLeft: number;
  /** 劳动合同法 第十四条: renewing must offer an open-ended contract. */
  openEndedRight: boolean;
}

export interface GradeTable {
  grades: { code: AssessmentGrade; label: string; minScore: number; amountFen: number }[];
}
export interface PayScale {
  grades: { code: string; basePayFen: number; allowances: { name: string; amountFen: number }[] }[];
}
export interface SocialInsurance {
  baseMinFen: number;
  baseMaxFen: number;
  items: { name: string; employerRate: number; personalRate: number }[];
}
export interface Settings {
  contractReminderDays: number;
  firstContractYears: number;
  renewalYears: number;
}
export interface RuleValues {
  'grade-table': GradeTable;
  'pay-scale': PayScale;
  'social-insurance': SocialInsurance;
  settings: Settings;
}
export interface RuleVersion<V> {
  id: string | null;
  jurisdiction: string;
  effectiveFrom: string;
  value: V;
  evidence: 'V' | 'S' | 'U';
  note: string | null;
}

export interface MonthSummary {
  id: string;
  orgId: string;
  orgName: string;
  month: string;
  fundFen: number;
  status: 'draft' | 'confirmed';
}

export interface GridRow {
  personId: string;
  name: string;
  idNumberMasked: string;
  orgName: string;
  payGrade: string | null;
  grade: AssessmentGrade | null;
  gradeEntered: boolean;
  score: number | null;
  amountFen: number | null;
  note: string | null;
}

export interface MonthGrid {
  id: string;
  orgId: string;
  orgName: string;
  month: string;
  status: 'draft' | 'confirmed';
  fundFen: number;
  confirmedByName: string | null;
  confirmedAt: string | null;
  gradeTable: { versionId: string | null; effectiveFrom: string; value: GradeTable };
  rows: GridRow[];
  missing: number;
  fund: { drawnFen: number; deductedFen: number; netFen: number; fundFen: number; remainingFen: number; overFen: number; fits: boolean };
}

export type PayChange = { kind: 'percent'; percent: number } | { kind: 'grade'; grade: string } | { kind: 'scale'; scale: PayScale };
export interface AdjustmentRequest {
  effectiveDate: string;
  filter: { orgId?: string; grades?: string[] };
  change: PayChange;
}
export interface AdjustmentPreview {
  effectiveDate: string;
  rows: {
    personId: string;
    name: string;
    orgName: string;
    gradeBefore: string | null;
    gradeAfter: string | null;
    grossBeforeFen: number;
    grossAfterFen: number;
    employerCostBeforeFen: number;
    employerCostAfterFen: number;
  }[];
  totals: { people: number; beforeFen: number; afterFen: number; employerCostBeforeFen: number; employerCostAfterFen: number };
}
export interface Adjustment {
  id: string;
  kind: PayChange['kind'];
  effectiveDate: string;
  people: number;
  beforeFen: number;
  afterFen: number;
  createdByName: string | null;
  createdAt: string;
}
