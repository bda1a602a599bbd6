// The start page's business key suggestion, and its check of a typed key: the server's rule, as the field message the server's text maps to.
import { BUSINESS_KEY_MAX, identifierProblem } from '../../../../contracts/identifiers';
import { businessKeyProblem, suggestBusinessKey } from '../../../../designer/src/pages/StartCase/businessKey';
import { serverMessage } from '../../../../designer/src/pages/Task/formMessages';

describe('suggestBusinessKey', () => {
  it('should give prefix, local date and a four-digit hex suffix, valid as a business key', () => {
    // given / when
    const key = suggestBusinessKey(new Date(2026, 10, 7, 23, 59), () => 0.5);

    // then
    expect(key).toBe('CASE-20261107-8000');
    expect(businessKeyProblem(key)).toBeNull();
  });
});

describe('businessKeyProblem', () => {
  it('should refuse what the server refuses, with the message the server\'s message maps to', () => {
    // given keys the server takes and keys it refuses (spaces, separators of ids, invisible and bidi characters, too long)
    const keys = ['CASE-20261107-8000', '八角-整改（一）', 'Café', 'e\u0301', 'CASE 7', 'a/b', 'a:b', 'x\u0000', 'x\u202Ey', 'x\u200By', '\u0301x', 'ｘ', 'k'.repeat(100), 'k'.repeat(101), 'a@b', '】#_.'];

    // when
    const mismatched = keys.filter((key) => {
      const server = identifierProblem(key.normalize('NFC'), BUSINESS_KEY_MAX);
      const expected = server === null ? null : serverMessage(server);
      return JSON.stringify(businessKeyProblem(key)) !== JSON.stringify(expected) || (server !== null && expected === null);
    });

    // then
    expect(mismatched).toEqual([]);
    expect(businessKeyProblem('CASE 7')).toEqual({ key: 'formMessage.space', params: { position: '5', code: 'U+0020', allowed: '- _ . # ( ) （ ） 〔 〕 【 】' } });
    expect(businessKeyProblem('x\u202Ey')).toMatchObject({ key: 'formMessage.invisibleCharacter', params: { position: '2', code: 'U+202E' } });
    expect(businessKeyProblem('a/b')).toMatchObject({ key: 'formMessage.character', params: { char: '/', code: 'U+002F' } });
  });
});
