import { canonicalJson, modelSha256 } from '../../engine/hash';
import type { ExecutableModel } from '../../engine/model';

const MODEL: ExecutableModel = {
  schemaVersion: 1,
  processId: 'P',
  startNodeIds: ['Start'],
  nodes: { Start: { id: 'Start', kind: 'startEvent', scope: null, incoming: [], outgoing: [] } },
  flows: {},
};

describe('hash', () => {
  describe('canonicalJson', () => {
    it('should sort keys by UTF-16 code units and drop whitespace (RFC 8785 3.2.3)', () => {
      // given
      const value = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };

      // when
      const json = canonicalJson(value);

      // then
      expect(json).toBe(
        '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
      );
    });

    it('should serialize strings and numbers as RFC 8785 does', () => {
      // given
      const value = { numbers: [333333333.33333329, 1e30, 4.5, 0.002, 1e-27, -0], string: '\u20ac$\u000f\u000aA\'\u0042\u0022\u005c\\"/', literals: [null, true, false] };

      // when
      const json = canonicalJson(value);

      // then
      expect(json).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27,0],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
    });

    it('should leave out undefined members', () => {
      expect(canonicalJson({ b: 1, a: undefined, c: [undefined] })).toBe('{"b":1,"c":[null]}');
    });
  });

  describe('modelSha256', () => {
    it('should give the hex sha256 of the canonical JSON', () => {
      // when
      const hash = modelSha256(MODEL);

      // then
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('should NOT depend on the order of keys', () => {
      // given
      const reordered = { flows: {}, nodes: MODEL.nodes, startNodeIds: ['Start'], processId: 'P', schemaVersion: 1 };

      // then
      expect(modelSha256(reordered)).toBe(modelSha256(MODEL));
    });

    it('should change when the model changes', () => {
      expect(modelSha256({ ...MODEL, processId: 'Q' })).not.toBe(modelSha256(MODEL));
    });
  });
});
