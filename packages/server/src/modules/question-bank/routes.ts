import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  BankView,
  CheckRulesBody,
  CheckRulesResponse,
  CreateBankBody,
  CreatePaperBody,
  CreateQuestionBody,
  Id,
  IdParams,
  ListBanksResponse,
  ListPapersResponse,
  ListQuestionsResponse,
  ListTagsResponse,
  PaperDetail,
  PaperListQuery,
  PreviewPaperResponse,
  PreviewQuery,
  QuestionDetail,
  QuestionListQuery,
  QuestionVersion,
  Strict,
  UpdateBankBody,
  UpdatePaperBody,
  UpdateQuestionBody,
} from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, scopeOf } from '../../platform/http/request-context.ts';
import { createBank, listBanks, setBankRetired, updateBank } from './bank-service.ts';
import { questionImportRoutes } from './import-routes.ts';
import { checkRules, createPaper, getPaper, listPapers, previewPaper, setPaperRetired, updatePaper } from './paper-service.ts';
import { listQuestions, listTags } from './question-queries.ts';
import { createQuestion, getQuestion, getQuestionVersion, setQuestionRetired, updateQuestion } from './question-service.ts';

const permission = 'exam:question';

/** Routes of this module, mounted at /api/v1/question-bank: banks (题库), questions, import, papers (试卷). */
export async function questionBankRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['question-bank'];
  const config = { permission };

  r.get('/banks', {
    schema: { tags, querystring: Strict({ includeRetired: Type.Optional(Type.Boolean()) }), response: { 200: ListBanksResponse } },
    config,
    handler: async (req) => listBanks(app.ctx.db, await scopeOf(req), req.query.includeRetired ?? false),
  });
  r.post('/banks', {
    schema: { tags, body: CreateBankBody, response: { 201: BankView } },
    config,
    handler: async (req, reply) => reply.status(201).send(await createBank(app.ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.patch('/banks/:id', {
    schema: { tags, params: IdParams, body: UpdateBankBody, response: { 200: BankView } },
    config,
    handler: async (req) => updateBank(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  for (const [action, retired] of [
    ['retire', true],
    ['restore', false],
  ] as const) {
    r.post(`/banks/:id/${action}`, {
      schema: { tags, params: IdParams, response: { 200: BankView } },
      config: { ...config, noBody: true },
      handler: async (req) => setBankRetired(app.ctx, await scopeOf(req), actorOf(req), req.params.id, retired),
    });
    r.post(`/questions/:id/${action}`, {
      schema: { tags, params: IdParams, response: { 200: QuestionDetail } },
      config: { ...config, noBody: true },
      handler: async (req) => setQuestionRetired(app.ctx, await scopeOf(req), actorOf(req), req.params.id, retired),
    });
    r.post(`/papers/:id/${action}`, {
      schema: { tags, params: IdParams, response: { 200: PaperDetail } },
      config: { ...config, noBody: true },
      handler: async (req) => setPaperRetired(app.ctx, await scopeOf(req), actorOf(req), req.params.id, retired),
    });
  }

  r.get('/tags', {
    schema: {
      tags,
      querystring: Strict({ bankId: Type.Optional(Type.Union([Id, Type.Array(Id, { maxItems: 50 })])) }),
      response: { 200: ListTagsResponse },
    },
    config,
    handler: async (req) => {
      const b = req.query.bankId;
      return listTags(app.ctx.db, await scopeOf(req), b === undefined ? undefined : Array.isArray(b) ? b : [b]);
    },
  });

  r.get('/questions', {
    schema: { tags, querystring: QuestionListQuery, response: { 200: ListQuestionsResponse } },
    config,
    handler: async (req) => listQuestions(app.ctx.db, await scopeOf(req), req.query),
  });
  r.get('/questions/:id', {
    schema: { tags, params: IdParams, response: { 200: QuestionDetail } },
    config,
    handler: async (req) => getQuestion(app.ctx.db, await scopeOf(req), req.params.id),
  });
  r.get('/questions/:id/versions/:versionNo', {
    schema: { tags, params: Strict({ id: Id, versionNo: Type.Integer({ minimum: 1 }) }), response: { 200: QuestionVersion } },
    config,
    handler: async (req) => getQuestionVersion(app.ctx.db, await scopeOf(req), req.params.id, req.params.versionNo),
  });
  r.post('/questions', {
    schema: { tags, body: CreateQuestionBody, response: { 201: QuestionDetail } },
    config,
    handler: async (req, reply) => reply.status(201).send(await createQuestion(app.ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.put('/questions/:id', {
    schema: { tags, params: IdParams, body: UpdateQuestionBody, response: { 200: QuestionDetail } },
    config,
    handler: async (req) => updateQuestion(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });

  r.get('/papers', {
    schema: { tags, querystring: PaperListQuery, response: { 200: ListPapersResponse } },
    config,
    handler: async (req) => listPapers(app.ctx.db, await scopeOf(req), req.query),
  });
  r.post('/papers/check-rules', {
    schema: { tags, body: CheckRulesBody, response: { 200: CheckRulesResponse } },
    config,
    handler: async (req) => ({ checks: await checkRules(app.ctx.db, await scopeOf(req), req.body.bankIds, req.body.rules) }),
  });
  r.get('/papers/:id', {
    schema: { tags, params: IdParams, response: { 200: PaperDetail } },
    config,
    handler: async (req) => getPaper(app.ctx.db, await scopeOf(req), req.params.id),
  });
  r.get('/papers/:id/preview', {
    schema: { tags, params: IdParams, querystring: PreviewQuery, response: { 200: PreviewPaperResponse } },
    config,
    handler: async (req) => previewPaper(app.ctx.db, await scopeOf(req), req.params.id, req.query.seed),
  });
  r.post('/papers', {
    schema: { tags, body: CreatePaperBody, response: { 201: PaperDetail } },
    config,
    handler: async (req, reply) => reply.status(201).send(await createPaper(app.ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.put('/papers/:id', {
    schema: { tags, params: IdParams, body: UpdatePaperBody, response: { 200: PaperDetail } },
    config,
    handler: async (req) => updatePaper(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });

  await app.register(questionImportRoutes);
}
