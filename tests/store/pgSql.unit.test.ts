// The SQL builder of the hot lists (store/pgSql.ts) and the FerretDB document decoder (store/pgDecode.ts): what
// translates, with which meaning, and what falls back to the Mongo path (null).
import { decodeFerretDocument, UnsupportedValue } from '../../store/pgDecode';
import { LIST_INDEXES, listIndexSql } from '../../store/pgIndexes';
import { countSql, literalPrefix, orderSql, pageSql, whereSql } from '../../store/pgSql';

describe('pgSql', () => {
  it('should translate equality on strings as FerretDB pushes it down (the value, or an array holding it), parameterised; a scalar-only field as plain equality', () => {
    // given an equality filter with a quote, when translated
    const sql = whereSql({ street: "ba'jiao", candidateGroups: 'law' });

    // then the street (never an array) is a plain jsonb equality the btree list indexes serve, the groups a containment
    expect(sql).toEqual({ where: `((_jsonb->'street') = $1::jsonb) AND ((_jsonb->'candidateGroups') @> $2::jsonb)`, values: ['"ba\'jiao"', '"law"'] });
  });

  it('should translate null as MongoDB means it: missing, null, or an array holding null', () => {
    expect(whereSql({ assignee: null })?.where).toBe(
      `((_jsonb->'assignee') IS NULL OR (_jsonb->'assignee') = 'null'::jsonb OR (jsonb_typeof((_jsonb->'assignee')) = 'array' AND (_jsonb->'assignee') @> '[null]'::jsonb))`,
    );
  });

  it('should translate $in, $or, $and, $ne null and ranges with MongoDB type bracketing', () => {
    // given the filter the task list builds for 我组的任务 with a due date and a priority
    const due = new Date('2030-01-02T00:00:00Z');
    const sql = whereSql({ street: { $in: ['a', 'b'] }, $and: [{ $or: [{ candidateUsers: 'u' }, { candidateGroups: { $in: ['g'] } }] }], dueDate: { $ne: null, $lt: due }, priority: { $gte: 40 } });

    // then every part translates, dates compare as dates only and numbers as numbers only
    expect(sql?.values).toEqual(['"a"', '"b"', '"u"', '"g"', String(due.getTime()), '40']);
    expect(sql?.where).toContain(`(_jsonb->'$s'->'p'->'dueDate'->>'t') = 'date' AND (_jsonb->'dueDate') < $5::jsonb`);
    expect(sql?.where).toContain(`(_jsonb->'$s'->'p'->'priority'->>'t') IN ('int', 'long', 'double') AND (_jsonb->'priority') >= $6::jsonb`);
    expect(sql?.where).toContain(`(((_jsonb->'candidateUsers') @> $3::jsonb) OR ((((_jsonb->'candidateGroups') @> $4::jsonb))))`);
    expect(whereSql({ status: { $in: [] } })?.where).toBe('(false)');
  });

  it('should translate a literal prefix regex and nothing else of regexes', () => {
    expect(literalPrefix('^案件\\-1\\.')).toBe('案件-1.');
    expect(literalPrefix('^a.b')).toBeNull();
    expect(literalPrefix('a')).toBeNull();
    expect(literalPrefix('^\\d')).toBeNull();
    expect(whereSql({ businessKey: { $regex: '^PG' } })?.where).toBe(`((jsonb_typeof((_jsonb->'businessKey')) = 'string' AND starts_with((_jsonb->'businessKey') #>> '{}', $1)))`);
    expect(whereSql({ name: { $regex: 'x', $options: 'i' } })).toBeNull();
  });

  it('should answer null for what it cannot express exactly (the caller keeps the Mongo path)', () => {
    expect(whereSql({ priority: 50 })).toBeNull();
    expect(whereSql({ 'a.b': 'x' })).toBeNull();
    expect(whereSql({ $nor: [{ a: 'x' }] })).toBeNull();
    expect(whereSql({ createdAt: { $lt: 'tomorrow' } })).toBeNull();
    expect(whereSql({ $or: [] })).toBeNull();
    expect(orderSql({ name: 1 })).toBeNull();
    expect(pageSql('db', 't', { a: { $exists: true } }, { _id: 1 }, 0, 10)).toBeNull();
  });

  it('should order as MongoDB does: null and missing first ascending, last descending, ids in byte order', () => {
    expect(orderSql({ dueDate: -1, _id: 1 })).toBe(`COALESCE(_jsonb->'dueDate', 'null'::jsonb) DESC, ((_jsonb->>'_id') COLLATE "C") ASC`);
  });

  it('should index each list order with the same expressions the page statement filters and sorts by', () => {
    // given a street's tasks newest first, when its page statement and its list index are built
    const page = pageSql('db', 'tasks_1', { street: 'a' }, { createdAt: -1, _id: 1 }, 0, 20)?.text ?? '';
    const index = listIndexSql('db', 'tasks_1', { leading: 'street', field: 'createdAt', dir: -1 });

    // then the index leads with the street's equality expression and then the ORDER BY keys, in the same directions
    expect(index).toBe(`CREATE INDEX IF NOT EXISTS "tasks_1_street_createdAt_desc_list" ON "db"."tasks_1" (((_jsonb->'street')), (COALESCE(_jsonb->'createdAt', 'null'::jsonb)) DESC, (((_jsonb->>'_id') COLLATE "C")) ASC)`);
    expect(page).toContain(`WHERE ((_jsonb->'street') = $1::jsonb) ORDER BY COALESCE(_jsonb->'createdAt', 'null'::jsonb) DESC, ((_jsonb->>'_id') COLLATE "C") ASC LIMIT`);
    expect(LIST_INDEXES.tasks).toHaveLength(12);
    expect(LIST_INDEXES.instances).toEqual([{ leading: null, field: 'startedAt', dir: -1 }, { leading: 'street', field: 'startedAt', dir: -1 }]);
  });

  it('should build the page (ordered by row address and sort keys, then the documents read by address) and count statements on the quoted table with limit and offset as parameters', () => {
    expect(pageSql('my"db', 'tasks_1', { street: 'a' }, { createdAt: -1, _id: 1 }, 20, 10)).toEqual({
      text:
        `SELECT doc._jsonb FROM (SELECT ctid AS row_address, COALESCE(_jsonb->'createdAt', 'null'::jsonb) AS k0, ((_jsonb->>'_id') COLLATE "C") AS k1 ` +
        `FROM "my""db"."tasks_1" WHERE ((_jsonb->'street') = $1::jsonb) ORDER BY COALESCE(_jsonb->'createdAt', 'null'::jsonb) DESC, ((_jsonb->>'_id') COLLATE "C") ASC LIMIT $2 OFFSET $3) page ` +
        `JOIN "my""db"."tasks_1" doc ON doc.ctid = page.row_address ORDER BY page.k0 DESC, page.k1 ASC`,
      values: ['"a"', 10, 20],
    });
    expect(countSql('db', 't', {})).toEqual({ text: `SELECT count(*)::int AS n FROM "db"."t" WHERE true`, values: [] });
  });
});

describe('pgDecode', () => {
  it('should decode a FerretDB document by its schema: key order, dates, nulls, arrays, nested documents', () => {
    // given a _jsonb value as FerretDB v1 stores it
    const jsonb = {
      $s: { $k: ['_id', 'name', 'dueDate', 'groups', 'n', 'none', 'doc'], p: { _id: { t: 'string' }, name: { t: 'string' }, dueDate: { t: 'date' }, groups: { t: 'array', i: [{ t: 'string' }, { t: 'null' }] }, n: { t: 'double' }, none: { t: 'null' }, doc: { t: 'object', $s: { $k: ['at'], p: { at: { t: 'date' } } } } } },
      _id: 't-1', name: '占道经营 🚧', dueDate: 1893456000000, groups: ['law', null], n: 50.5, none: null, doc: { at: 0 },
    };

    // when decoded, then it is the driver's object
    const doc = decodeFerretDocument(jsonb);
    expect(doc).toEqual({ _id: 't-1', name: '占道经营 🚧', dueDate: new Date(1893456000000), groups: ['law', null], n: 50.5, none: null, doc: { at: new Date(0) } });
    expect(Object.keys(doc)).toEqual(['_id', 'name', 'dueDate', 'groups', 'n', 'none', 'doc']);
  });

  it('should refuse a type it does not map', () => {
    expect(() => decodeFerretDocument({ $s: { $k: ['x'], p: { x: { t: 'binData' } } }, x: 'AA==' })).toThrow(UnsupportedValue);
  });
});
