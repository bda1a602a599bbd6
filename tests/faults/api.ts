// A signed-in user of the API over real HTTP (cookie session + CSRF token), for the fault and soak scenarios.

/** An HTTP answer: status, parsed JSON body (or text), headers. */
export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of many shapes
  headers: Headers;
}

/** Status 0 stands for "no answer" (connection refused, reset, or our timeout). */
export const NO_ANSWER = 0;

/** Sends one request; a network failure or timeout answers status 0 with the error text as body. */
export async function send(url: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Answer> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 30_000) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body, headers: res.headers };
  } catch (error) {
    return { status: NO_ANSWER, body: String((error as Error).cause ?? error), headers: new Headers() };
  }
}

/** A user signed in with a cookie session. */
export class ApiUser {
  private constructor(
    readonly baseUrl: string,
    readonly username: string,
    /** The `sparrow.sid=...` pair to send as Cookie. */
    readonly cookie: string,
    readonly csrfToken: string,
  ) {}

  /** Signs in with the demo password; throws naming the answer when it is not 200. */
  static async login(baseUrl: string, username: string, password = 'sparrow-demo'): Promise<ApiUser> {
    const res = await send(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (res.status !== 200) throw new Error(`login as ${username} answered ${res.status}: ${JSON.stringify(res.body)}`);
    if (res.body.username !== username) throw new Error(`login as ${username} answered the account ${res.body.username}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('sparrow.sid='));
    if (!cookie) throw new Error(`login as ${username} set no session cookie`);
    return new ApiUser(baseUrl, username, cookie, res.body.csrfToken as string);
  }

  /** The same session against another base URL (unchanged cookie). */
  at(baseUrl: string): ApiUser {
    return new ApiUser(baseUrl, this.username, this.cookie, this.csrfToken);
  }

  /** GET `path`. */
  get(path: string, timeoutMs?: number): Promise<Answer> {
    return send(`${this.baseUrl}${path}`, { headers: { Cookie: this.cookie }, timeoutMs });
  }

  /** POST `path` with a JSON body (CSRF token and optional Idempotency-Key sent). */
  post(path: string, body: unknown = {}, options: { idempotencyKey?: string; timeoutMs?: number } = {}): Promise<Answer> {
    const headers: Record<string, string> = { Cookie: this.cookie, 'X-CSRF-Token': this.csrfToken, 'Content-Type': 'application/json' };
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    return send(`${this.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body), timeoutMs: options.timeoutMs });
  }
}

/** The path form of an id. */
export const enc = encodeURIComponent;
