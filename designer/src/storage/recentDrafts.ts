// The keys of processes this browser created or renamed, so the library can list drafts never deployed.

const STORAGE_KEY = 'sparrow.recentDrafts';
const LIMIT = 50;

/** The remembered keys, most recent first. */
export function recentDraftKeys(): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}

function store(keys: string[]): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(keys.slice(0, LIMIT)));
  } catch {
    // Storage refused (private mode, policy): the library then lists deployed processes only.
  }
}

/** Remembers `key` first; `replaces` (a renamed key) is forgotten. */
export function rememberDraft(key: string, replaces?: string): void {
  store([key, ...recentDraftKeys().filter((known) => known !== key && known !== replaces)]);
}
