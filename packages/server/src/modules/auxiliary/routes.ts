import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AddRuleVersionResponse,
  ApplyAdjustmentResponse,
  AuxMonthQuery,
  AuxOfficerQuery,
  type AuxRuleSet,
  ContractReminders2Response,
  ContractRemindersResponse,
  CreateContractBody,
  CreateContractResponse,
  ExitBody,
  FileDownload,
  GetMonthResponse,
  GetOfficerResponse,
  GradeEntriesBody,
  GradeTableValue,
  IdParams,
  ListAdjustmentsResponse,
  ListMonthsResponse,
  ListOfficersResponse,
  ListRuleResponse,
  MonthFundBody,
  OpenMonthBody,
  PayAdjustmentBody,
  PayAdjustmentPreviewBody,
  PayScaleValue,
  PreviewAdjustmentResponse,
  ReminderQuery,
  RenewContractBody,
  RuleVersionBody,
  SetPayGradeBody,
  SetPayGradeResponse,
  SettingsValue,
  SocialInsuranceValue,
  UniformBody,
  UniformsDueResponse,
} from '@zhenggong/core';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { attachment } from '../../platform/files/attachment.ts';
import { actorOf, scopeOf } from '../../platform/http/request-context.ts';
import { today } from '../personnel/people.ts';
import { confirmMonth, getMonth, listMonths, openMonth, saveEntries, setFund } from './assessment.ts';
import { getOfficer, listOfficers } from './aux-officers.ts';
import { exportOfficers } from './officer-export.ts';
import { addRuleVersion, listRule } from './aux-rules.ts';
import { gradeTemplate, importGrades } from './grade-import.ts';
import { registerContractReminders } from './contract-reminder-job.ts';
import { contractReminders, createContract, renewContract } from './contracts.ts';
import { applyAdjustment, listAdjustments, previewAdjustment, setPayGrade } from './pay.ts';
import { payoutSheet, XLSX_MIME } from './payout-sheet.ts';
import { addUniform, exitOfficer, uniformsDue } from './uniforms-exit.ts';

/** Dated rule data: who may add a version of each set. */
const ruleRoutes = [
  { path: 'grade-table', ruleSet: 'gradeTable', schema: GradeTableValue, permission: 'auxiliary:assess' },
  { path: 'pay-scale', ruleSet: 'payScale', schema: PayScaleValue, permission: 'auxiliary:pay' },
  { path: 'social-insurance', ruleSet: 'socialInsurance', schema: SocialInsuranceValue, permission: 'auxiliary:pay' },
  { path: 'settings', ruleSet: 'settings', schema: SettingsValue, permission: 'auxiliary:write' },
] as const satisfies readonly { path: string; ruleSet: AuxRuleSet; schema: unknown; permission: string }[];

/** Routes of this module, mounted at /api/v1/auxiliary: the life cycle of auxiliary officers (辅警管理). */
export async function auxiliaryRoutes(app: FastifyInstance): Promise<void> {
  registerContractReminders(app);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['auxiliary'];
  const ctx = () => app.ctx;

  r.get('/officers', {
    schema: { tags, querystring: AuxOfficerQuery, response: { 200: ListOfficersResponse } },
    config: { permission: 'auxiliary:read' },
    handler: async (req) => listOfficers(ctx(), await scopeOf(req), req.query),
  });
  r.get('/officers/export.xlsx', {
    schema: { tags, querystring: AuxOfficerQuery, produces: [XLSX_MIME], response: { 200: FileDownload } },
    config: { permission: 'auxiliary:read', sensitive: true },
    handler: async (req, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('auxiliary-officers.xlsx', '辅警名单.xlsx'))
        .header('cache-control', 'no-store')
        .send(await exportOfficers(ctx(), await scopeOf(req), actorOf(req), req.query)),
  });
  r.get('/officers/:id', {
    schema: { tags, params: IdParams, response: { 200: GetOfficerResponse } },
    config: { permission: 'auxiliary:read' },
    handler: async (req) => getOfficer(ctx(), await scopeOf(req), req.params.id),
  });
  r.post('/officers/:id/contracts', {
    schema: { tags, params: IdParams, body: CreateContractBody, response: { 201: CreateContractResponse } },
    config: { permission: 'auxiliary:write' },
    handler: async (req, reply) =>
      reply.status(201).send(await createContract(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body)),
  });
  r.post('/contracts/:id/renew', {
    schema: { tags, params: IdParams, body: RenewContractBody, response: { 201: CreateContractResponse } },
    config: { permission: 'auxiliary:write' },
    handler: async (req, reply) =>
      reply.status(201).send(await renewContract(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body)),
  });
  r.get('/contracts/reminders', {
    schema: { tags, querystring: ReminderQuery, response: { 200: ContractRemindersResponse } },
    config: { permission: 'auxiliary:read' },
    handler: async (req) => contractReminders(ctx(), await scopeOf(req), req.query.days),
  });
  r.get('/contracts/reminders/count', {
    schema: { tags, querystring: ReminderQuery, response: { 200: ContractReminders2Response } },
    config: { permission: 'auxiliary:read' },
    handler: async (req) => {
      const list = await contractReminders(ctx(), await scopeOf(req), req.query.days);
      return { count: list.items.length, overdue: list.items.filter((i) => i.daysLeft < 0).length, days: list.days };
    },
  });
  r.post('/officers/:id/uniforms', {
    schema: { tags, params: IdParams, body: UniformBody, response: { 201: CreateContractResponse } },
    config: { permission: 'auxiliary:write' },
    handler: async (req, reply) =>
      reply.status(201).send(await addUniform(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body)),
  });
  r.get('/uniforms/due', {
    schema: {
      tags,
      querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 0, maximum: 730 })) }),
      response: { 200: UniformsDueResponse },
    },
    config: { permission: 'auxiliary:read' },
    handler: async (req) => uniformsDue(ctx(), await scopeOf(req), req.query.days),
  });
  r.post('/officers/:id/exit', {
    schema: { tags, params: IdParams, body: ExitBody, response: { 201: CreateContractResponse } },
    config: { permission: 'auxiliary:write' },
    handler: async (req, reply) =>
      reply.status(201).send(await exitOfficer(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body)),
  });

  for (const rule of ruleRoutes) {
    r.get(`/rules/${rule.path}`, {
      schema: {
        tags,
        querystring: Type.Object({ date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })) }),
        response: { 200: ListRuleResponse },
      },
      config: { permission: 'auxiliary:read' },
      handler: async (req) => listRule(ctx(), rule.ruleSet, req.query.date ?? today(ctx())),
    });
    r.post(`/rules/${rule.path}`, {
      schema: { tags, body: RuleVersionBody(rule.schema), response: { 201: AddRuleVersionResponse } },
      config: { permission: rule.permission },
      // The body schema is chosen per rule set above, so its value matches rule.ruleSet.
      handler: async (req, reply) =>
        reply.status(201).send(await addRuleVersion(ctx(), await scopeOf(req), actorOf(req), rule.ruleSet, req.body as never)),
    });
  }

  r.get('/assessment-months', {
    schema: { tags, querystring: AuxMonthQuery, response: { 200: ListMonthsResponse } },
    config: { permission: 'auxiliary:read' },
    handler: async (req) => listMonths(ctx(), await scopeOf(req), req.query),
  });
  r.post('/assessment-months', {
    schema: { tags, body: OpenMonthBody, response: { 201: CreateContractResponse } },
    config: { permission: 'auxiliary:assess' },
    handler: async (req, reply) => reply.status(201).send(await openMonth(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/assessment-months/:id', {
    schema: { tags, params: IdParams, response: { 200: GetMonthResponse } },
    config: { permission: 'auxiliary:read' },
    handler: async (req) => getMonth(ctx(), await scopeOf(req), req.params.id),
  });
  r.put('/assessment-months/:id/fund', {
    schema: { tags, params: IdParams, body: MonthFundBody, response: { 200: GetMonthResponse } },
    config: { permission: 'auxiliary:assess' },
    handler: async (req) => setFund(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body.fundFen),
  });
  r.put('/assessment-months/:id/entries', {
    schema: { tags, params: IdParams, body: GradeEntriesBody, response: { 200: GetMonthResponse } },
    config: { permission: 'auxiliary:assess' },
    handler: async (req) => saveEntries(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/assessment-months/:id/confirm', {
    schema: { tags, params: IdParams, response: { 200: GetMonthResponse } },
    config: { permission: 'auxiliary:assess', noBody: true },
    handler: async (req) => confirmMonth(ctx(), await scopeOf(req), actorOf(req), req.params.id),
  });
  r.get('/assessment-months/:id/payout-sheet.xlsx', {
    schema: { tags, params: IdParams, response: { 200: FileDownload } },
    config: { permission: 'auxiliary:assess', sensitive: true },
    handler: async (req, reply) => {
      const file = await payoutSheet(ctx(), await scopeOf(req), actorOf(req), req.params.id);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(`payout-${file.month}.xlsx`, `奖惩金发放表-${file.orgName}-${file.month}.xlsx`))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });

  r.get('/assessment-months/:id/template.xlsx', {
    schema: { tags, params: IdParams, response: { 200: FileDownload } },
    config: { permission: 'auxiliary:assess', sensitive: true },
    handler: async (req, reply) => {
      const file = await gradeTemplate(ctx(), await scopeOf(req), req.params.id);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(`grades-${file.month}.xlsx`, `考核评定表-${file.orgName}-${file.month}.xlsx`))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });
  // Multipart is registered in a child scope so that only the import route accepts it.
  await app.register(async (sub) => {
    await sub.register(multipart, { limits: { fileSize: 5 * 1_048_576, files: 1, fields: 0, parts: 1 } });
    sub.withTypeProvider<TypeBoxTypeProvider>().post('/assessment-months/:id/import', {
      schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 200: GetMonthResponse } },
      config: { permission: 'auxiliary:assess' },
      handler: async (req) => importGrades(ctx(), await scopeOf(req), actorOf(req), req.params.id, req),
    });
  });

  r.post('/officers/:id/pay-grades', {
    schema: { tags, params: IdParams, body: SetPayGradeBody, response: { 201: SetPayGradeResponse } },
    config: { permission: 'auxiliary:pay' },
    handler: async (req, reply) =>
      reply.status(201).send(await setPayGrade(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body)),
  });
  r.post('/pay-adjustments/preview', {
    schema: { tags, body: PayAdjustmentPreviewBody, response: { 200: PreviewAdjustmentResponse } },
    config: { permission: 'auxiliary:pay' },
    handler: async (req) => previewAdjustment(ctx(), await scopeOf(req), req.body),
  });
  r.post('/pay-adjustments', {
    schema: { tags, body: PayAdjustmentBody, response: { 201: ApplyAdjustmentResponse } },
    config: { permission: 'auxiliary:pay' },
    handler: async (req, reply) => reply.status(201).send(await applyAdjustment(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/pay-adjustments', {
    schema: { tags, response: { 200: ListAdjustmentsResponse } },
    config: { permission: 'auxiliary:pay' },
    handler: async (req) => listAdjustments(ctx(), await scopeOf(req)),
  });
}
