// Figures of a schemathesis run, read from its NDJSON event report: operations exercised, requests sent, answers by class.
import fs from 'node:fs';
import path from 'node:path';

/** What one or more schemathesis runs did. */
export interface FuzzStats {
  /** Operations (`METHOD /path`) that got at least one request. */
  operations: Set<string>;
  requests: number;
  /** Answers by status class: 2xx, 3xx, 4xx, 5xx. */
  byClass: Record<string, number>;
}

interface Interaction {
  request?: { method?: string; uri?: string };
  response?: { status_code?: number } | null;
}
interface ScenarioFinished {
  recorder?: { label?: string; interactions?: Record<string, Interaction> };
}

/** Adds up the interactions of every `*.ndjson` report under `dir`. */
export function readStats(dir: string, into: FuzzStats = { operations: new Set(), requests: 0, byClass: {} }): FuzzStats {
  if (!fs.existsSync(dir)) return into;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ndjson'))) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (!line.startsWith('{"ScenarioFinished"')) continue;
      const { recorder } = (JSON.parse(line) as { ScenarioFinished: ScenarioFinished }).ScenarioFinished;
      const interactions = Object.values(recorder?.interactions ?? {});
      if (interactions.length && recorder?.label && /^[A-Z]+ \//.test(recorder.label)) into.operations.add(recorder.label);
      for (const { response } of interactions) {
        into.requests += 1;
        const status = response?.status_code;
        const cls = status === undefined ? 'none' : `${Math.floor(status / 100)}xx`;
        into.byClass[cls] = (into.byClass[cls] ?? 0) + 1;
      }
    }
  }
  return into;
}

/** One line for the console: operations, requests and answers by class. */
export const statsLine = (s: FuzzStats) =>
  `${s.operations.size} operations, ${s.requests} requests (${Object.entries(s.byClass).sort().map(([k, v]) => `${k}: ${v}`).join(', ')})`;
