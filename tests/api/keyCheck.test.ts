// The key check on query results (issue 10, defect 0: defence in depth against answers to another request).
import mongoose from 'mongoose';
import '../../server/models';
import { checkResult, ForeignResultError, keyCheckPlugin } from '../../server/models/keyCheck';

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

  it('should leave operators, dotted paths, projected-away fields and empty results alone', () => {
    expect(() => checkResult({ _id: { $in: ['a', 'b'] }, 'a.b': 1, $or: [] }, { _id: 'c' })).not.toThrow();
    expect(() => checkResult({ status: 'open' }, { _id: 'a' })).not.toThrow();
    expect(() => checkResult({ _id: 'a' }, null)).not.toThrow();
  });

  it('should be compiled into every model (each model file imports the key check first)', () => {
    const unchecked = Object.values(mongoose.models).filter((m) => !(m.schema as unknown as { plugins: { fn: unknown }[] }).plugins.some((p) => p.fn === keyCheckPlugin));
    expect(unchecked.map((m) => m.modelName)).toEqual([]);
  });
});
