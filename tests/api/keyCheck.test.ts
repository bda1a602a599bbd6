// The key check on query results (issue 10, defect 0: defence in depth against answers to another request).
import fs from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { Task } from '../../store/models';
import { checkResult, ForeignResultError, keyCheckPlugin } from '../../store/models/keyCheck';

describe('checkResult', () => {
  it('should accept documents that carry the keys the filter asked for', () => {
    expect(() => checkResult({ _id: 'bajiao-staff' }, { _id: 'bajiao-staff', roles: ['enforcement-staff'] })).not.toThrow();
    expect(() => checkResult({ _id: 't1', street: 'bajiao' }, [{ _id: 't1', street: 'bajiao' }])).not.toThrow();
    // an array field matches a scalar that it contains, as MongoDB's equality does
    expect(() => checkResult({ candidateGroups: 'enforcement' }, [{ _id: 'a', candidateGroups: ['enforcement', 'liaison'] }])).not.toThrow();
  });

  it('should refuse a document with another key, naming both', () => {
    expect(() => checkResult({ _id: 'bajiao-staff' }, { _id: 'admin' })).toThrow(ForeignResultError);
    expect(() => checkResult({ _id: 'bajiao-staff' }, { _id: 'admin' })).toThrow(/_id = "bajiao-staff" .* _id is "admin"/);
    expect(() => checkResult({ instanceId: 'c1' }, [{ _id: 'x', instanceId: 'c1' }, { _id: 'y', instanceId: 'c2' }])).toThrow(ForeignResultError);
  });

  it('should compare as mongoose casts (a numeric string finds a number) and leave dates and ids alone', () => {
    expect(() => checkResult({ key: 'k', version: '2' } as Record<string, unknown>, { key: 'k', version: 2 })).not.toThrow();
    expect(() => checkResult({ key: 'k', version: '2' } as Record<string, unknown>, { key: 'k', version: 3 })).toThrow(ForeignResultError);
    expect(() => checkResult({ startedAt: '2026-12-03' }, { startedAt: new Date('2026-12-03') })).not.toThrow();
  });

  it('should leave operators, dotted paths, projected-away fields and empty results alone', () => {
    expect(() => checkResult({ _id: { $in: ['a', 'b'] }, 'a.b': 1, $or: [] }, { _id: 'c' })).not.toThrow();
    expect(() => checkResult({ status: 'open' }, { _id: 'a' })).not.toThrow();
    expect(() => checkResult({ _id: 'a' }, null)).not.toThrow();
  });

  it('should check only the _id of an update that returns the document after it (the update may change filtered fields)', async () => {
    // given a query shaped like a claim: open → claimed, returning the document after the update
    const query = Task.findOneAndUpdate({ _id: 't1', status: 'open' }, { $set: { status: 'claimed' } }, { returnDocument: 'after' });
    const hooks = (Task.schema as unknown as { s: { hooks: { _posts: Map<string, { fn: (this: unknown, r: unknown) => void }[]> } } }).s.hooks._posts.get('findOneAndUpdate') ?? [];

    // when the result is checked, then the changed status passes and a foreign _id does not
    const check = (result: unknown) => hooks.forEach((h) => h.fn.call(query, result));
    expect(() => check({ _id: 't1', status: 'claimed' })).not.toThrow();
    expect(() => check({ _id: 't2', status: 'claimed' })).toThrow(ForeignResultError);
  });

  it('should be compiled into every model (each model file imports the key check first)', async () => {
    // every file of store/models, also those the index does not export
    const dir = path.join(__dirname, '../../store/models');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) await import(path.join(dir, file));
    const unchecked = Object.values(mongoose.models).filter((m) => !(m.schema as unknown as { plugins: { fn: unknown }[] }).plugins.some((p) => p.fn === keyCheckPlugin));
    expect(unchecked.map((m) => m.modelName)).toEqual([]);
  });
});
