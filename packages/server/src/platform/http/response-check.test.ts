import { Type } from '@sinclair/typebox';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { firstDifference, registerResponseCheck } from './response-check.ts';

describe('response check', () => {
  it('names the first path a schema dropped or changed', () => {
    expect(firstDifference({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBeNull();
    expect(firstDifference({ a: 1 }, { a: 1, secret: 'x' })).toBe('$.secret (dropped by the response schema)');
    expect(firstDifference({ a: [{ n: '' }] }, { a: [{ n: null }] })).toBe('$.a[0].n ("" ≠ null)');
  });

  it('turns an answer its schema would lose data from into a 500, and lets a complete one through', async () => {
    const app = Fastify();
    registerResponseCheck(app);
    const Partial = Type.Object({ id: Type.String() });
    app.get('/partial', { schema: { response: { 200: Partial } } }, async () => ({ id: '1', name: '张三' }));
    app.get('/complete', { schema: { response: { 200: Partial } } }, async () => ({ id: '1' }));
    app.get('/api/undeclared-status', { schema: { response: { 200: Partial } } }, async (_req, reply) =>
      // @ts-expect-error the status is deliberately one the schema does not declare
      reply.status(201).send({ id: '1' }),
    );
    app.get('/null-as-string', { schema: { response: { 200: Type.Object({ note: Type.String() }) } } }, async () => ({ note: null }));
    const quiet = console.error;
    console.error = () => {};
    try {
      expect((await app.inject('/partial')).statusCode).toBe(500);
      expect((await app.inject('/null-as-string')).statusCode).toBe(500);
      expect((await app.inject('/api/undeclared-status')).statusCode).toBe(500);
    } finally {
      console.error = quiet;
    }
    const ok = await app.inject('/complete');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ id: '1' });
    await app.close();
  });
});
