// The designer's message dictionaries stay complete: same keys in every language, no blank message.
import { AUDIT_ENTRY_KINDS } from '../../contracts/auditKinds';
import { auditKindKey } from '../../designer/src/i18n/auditKindKey';
import { en } from '../../designer/src/i18n/messages/en';
import { zhCN } from '../../designer/src/i18n/messages/zh-CN';

const dictionaries: Record<string, Record<string, string>> = { 'zh-CN': zhCN, en };

describe('designer i18n dictionaries', () => {
  it('should have exactly the keys of zh-CN in every language', () => {
    // given
    const reference = Object.keys(zhCN).sort();

    // when
    const keysByLocale = Object.entries(dictionaries).map(([locale, messages]) => [locale, Object.keys(messages).sort()]);

    // then
    for (const [, keys] of keysByLocale) expect(keys).toEqual(reference);
  });

  it('should NOT have an empty or blank message in any language', () => {
    // given / when
    const blank = Object.entries(dictionaries).flatMap(([locale, messages]) =>
      Object.entries(messages)
        .filter(([, text]) => typeof text !== 'string' || text.trim() === '')
        .map(([key]) => `${locale}:${key}`),
    );

    // then
    expect(blank).toEqual([]);
  });

  it('should use the same placeholders in every language', () => {
    // given
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

    // when
    const mismatched = Object.entries(dictionaries).flatMap(([locale, messages]) =>
      Object.keys(zhCN)
        .filter((key) => JSON.stringify(placeholders(messages[key] ?? '')) !== JSON.stringify(placeholders(zhCN[key as keyof typeof zhCN])))
        .map((key) => `${locale}:${key}`),
    );

    // then
    expect(mismatched).toEqual([]);
  });

  it('should say every zh-CN message in Chinese (only the language switch\'s "English" and the empty-value dash are not)', () => {
    // given: Chinese characters or full-width punctuation
    const chinese = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

    // when
    const notChinese = Object.entries(zhCN).filter(([, text]) => !chinese.test(text)).map(([key]) => key);

    // then
    expect(notChinese).toEqual(['language.en', 'library.none']);
  });

  it('should name every audit entry kind of contracts/auditKinds.ts in every language, and NOT a kind it does not know', () => {
    // then
    const unnamed = AUDIT_ENTRY_KINDS.filter((kind) => {
      const key = auditKindKey(kind);
      return key === undefined || !(key in zhCN) || !(key in en);
    });
    expect(unnamed).toEqual([]);
    expect(zhCN[auditKindKey('element.terminated')!]).toBe('已终止');
    expect(auditKindKey('element.teleported')).toBeUndefined();
  });
});

