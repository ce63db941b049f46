import fs from 'node:fs';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AddDefaultCategoriesResponse,
  AddLectureResponse,
  AddMemberBody,
  CategoryBody,
  ConfirmSuggestionBody,
  CoursewareBody,
  CoursewareQuery,
  CoursewareReviewBody,
  CreateCoursewareResponse,
  CreateInstructorBody,
  CreateInstructorResponse,
  CreateLectureBody,
  DismissSuggestionBody,
  FileDownload,
  GetCoursewareResponse,
  GetInstructorResponse,
  IdParams,
  InstructorQuery,
  LectureParams,
  LectureReviewBody,
  ListCategoriesResponse,
  ListCoursewareResponse,
  ListInstructorsResponse,
  ListMembersResponse,
  ListSuggestionsResponse,
  MemberQuery,
  NoContent,
  RemoveMemberBody,
  SuggestionQuery,
  UpdateCategoryBody,
  UpdateCategoryResponse,
  UpdateInstructorBody,
  UpdateMemberGradeBody,
} from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, principalOf, scopeOf } from '../../platform/http/request-context.ts';
import { attachment, XLSX_MIME } from '../../platform/files/attachment.ts';
import { COURSEWARE_MAX_BYTES, coursewareDir, receiveCourseware } from './courseware-file.ts';
import {
  attachFile,
  coursewareOr404,
  createCourseware,
  getCourseware,
  listCourseware,
  openFile,
  reviewCourseware,
} from './courseware-service.ts';
import './courseware-workflow.ts';
import { exportInstructors } from './instructor-export.ts';
import { addLecture, addLectureReview, createInstructor, getInstructor, listInstructors, updateInstructor } from './instructor-service.ts';
import {
  addDefaultCategories,
  addMember,
  confirmSuggestion,
  createCategory,
  dismissSuggestion,
  listCategories,
  listMembers,
  listSuggestions,
  regradeMember,
  removeMember,
  updateCategory,
} from './pool-service.ts';

const read = { permission: 'talent:read' };
const write = { permission: 'talent:write' };

/** Instructors (教官库), the talent pool (警务人才库) and courseware (课件/微课), mounted at /api/v1/talent. */
export async function talentRoutes(app: FastifyInstance): Promise<void> {
  // Scoped to this plugin: only the courseware upload takes a multipart body.
  await app.register(multipart, { limits: { fileSize: COURSEWARE_MAX_BYTES, files: 1, fields: 0, parts: 1 } });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['talent'];
  const ctx = app.ctx;

  r.get('/instructors', {
    schema: { tags, querystring: InstructorQuery, response: { 200: ListInstructorsResponse } },
    config: read,
    handler: async (req) => listInstructors(ctx, await scopeOf(req), req.query),
  });
  r.get('/instructors/export.xlsx', {
    schema: { tags, querystring: InstructorQuery, produces: [XLSX_MIME], response: { 200: FileDownload } },
    config: { ...read, sensitive: true },
    handler: async (req, reply) => {
      const file = await exportInstructors(ctx, await scopeOf(req), actorOf(req), req.query);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('instructors.xlsx', '教官库.xlsx'))
        .header('cache-control', 'no-store')
        .send(file);
    },
  });
  r.post('/instructors', {
    schema: { tags, body: CreateInstructorBody, response: { 201: CreateInstructorResponse } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createInstructor(ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/instructors/:id', {
    schema: { tags, params: IdParams, response: { 200: GetInstructorResponse } },
    config: read,
    handler: async (req) => getInstructor(ctx, await scopeOf(req), req.params.id),
  });
  r.patch('/instructors/:id', {
    schema: { tags, params: IdParams, body: UpdateInstructorBody, response: { 200: GetInstructorResponse } },
    config: write,
    handler: async (req) => updateInstructor(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/instructors/:id/lectures', {
    schema: { tags, params: IdParams, body: CreateLectureBody, response: { 201: AddLectureResponse } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await addLecture(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body)),
  });
  r.post('/instructors/:id/lectures/:lectureId/reviews', {
    schema: { tags, params: LectureParams, body: LectureReviewBody, response: { 201: CreateInstructorResponse } },
    config: write,
    handler: async (req, reply) =>
      reply.status(201).send(await addLectureReview(ctx, await scopeOf(req), actorOf(req), req.params.id, req.params.lectureId, req.body)),
  });

  r.get('/categories', {
    schema: { tags, response: { 200: ListCategoriesResponse } },
    config: read,
    handler: async () => listCategories(ctx),
  });
  r.post('/categories', {
    schema: { tags, body: CategoryBody, response: { 201: AddLectureResponse } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createCategory(ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.post('/categories/defaults', {
    schema: { tags, response: { 200: AddDefaultCategoriesResponse } },
    config: { ...write, noBody: true },
    handler: async (req) => addDefaultCategories(ctx, await scopeOf(req), actorOf(req)),
  });
  r.patch('/categories/:id', {
    schema: { tags, params: IdParams, body: UpdateCategoryBody, response: { 200: UpdateCategoryResponse } },
    config: write,
    handler: async (req) => updateCategory(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });

  r.get('/suggestions', {
    schema: { tags, querystring: SuggestionQuery, response: { 200: ListSuggestionsResponse } },
    config: write,
    handler: async (req) => listSuggestions(ctx, await scopeOf(req), req.query.categoryId),
  });
  r.post('/suggestions/confirm', {
    schema: { tags, body: ConfirmSuggestionBody, response: { 201: AddLectureResponse } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await confirmSuggestion(ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.post('/suggestions/dismiss', {
    schema: { tags, body: DismissSuggestionBody, response: { 204: NoContent } },
    config: write,
    handler: async (req, reply) => {
      await dismissSuggestion(ctx, await scopeOf(req), actorOf(req), req.body);
      return reply.status(204).send();
    },
  });
  r.get('/members', {
    schema: { tags, querystring: MemberQuery, response: { 200: ListMembersResponse } },
    config: read,
    handler: async (req) => listMembers(ctx, await scopeOf(req), req.query),
  });
  r.post('/members', {
    schema: { tags, body: AddMemberBody, response: { 201: AddLectureResponse } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await addMember(ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.post('/members/:id/remove', {
    schema: { tags, params: IdParams, body: RemoveMemberBody, response: { 204: NoContent } },
    config: write,
    handler: async (req, reply) => {
      await removeMember(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body.reason);
      return reply.status(204).send();
    },
  });
  r.post('/members/:id/grade', {
    schema: { tags, params: IdParams, body: UpdateMemberGradeBody, response: { 204: NoContent } },
    config: write,
    handler: async (req, reply) => {
      await regradeMember(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body.grade, req.body.reason);
      return reply.status(204).send();
    },
  });

  r.get('/courseware', {
    schema: { tags, querystring: CoursewareQuery, response: { 200: ListCoursewareResponse } },
    config: read,
    handler: async (req) => listCourseware(ctx, await scopeOf(req), req.query),
  });
  r.post('/courseware', {
    schema: { tags, body: CoursewareBody, response: { 201: CreateCoursewareResponse } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createCourseware(ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/courseware/:id', {
    schema: { tags, params: IdParams, response: { 200: GetCoursewareResponse } },
    config: read,
    handler: async (req) => getCourseware(ctx, await scopeOf(req), req.params.id),
  });
  r.post('/courseware/:id/file', {
    schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 200: GetCoursewareResponse } },
    config: write,
    handler: async (req) => {
      const scope = await scopeOf(req);
      // Checked before the upload is read: out of scope answers 404 whatever was sent.
      await coursewareOr404(ctx.db, scope, req.params.id);
      const upload = await receiveCourseware(req, coursewareDir(ctx));
      return attachFile(ctx, scope, actorOf(req), req.params.id, upload);
    },
  });
  r.get('/courseware/:id/file', {
    schema: { tags, params: IdParams, response: { 200: FileDownload } },
    config: { ...read, auditView: { eventType: 'courseware.download', objectType: 'courseware' } },
    handler: async (req, reply) => {
      const f = await openFile(ctx, await scopeOf(req), req.params.id);
      return reply
        .type(f.mime)
        .header(
          'content-disposition',
          attachment(`courseware${f.fileName.slice(f.fileName.lastIndexOf('.'))}`.replace(/[^\w.-]/g, ''), f.fileName),
        )
        .header('cache-control', 'private, no-store')
        .send(fs.createReadStream(f.path));
    },
  });
  r.post('/courseware/:id/reviews', {
    schema: { tags, params: IdParams, body: CoursewareReviewBody, response: { 200: GetCoursewareResponse } },
    config: write,
    handler: async (req) => reviewCourseware(ctx, await scopeOf(req), actorOf(req), principalOf(req).displayName, req.params.id, req.body),
  });
  // Accept or reject is a workflow action on the submission's case (/api/v1/workflow/cases/:caseId/…); see courseware-workflow.ts.
}
