// Legal time (issue 14): the working-day calendar a case computes with, and its statutory clocks — as the engine keeps
// them in a case's state and the API and the web app read them. Type-only data, browser-safe.

/** The time zone legal days are counted in: a day is a calendar day in Beijing time. */
export const LEGAL_TIME_ZONE = 'Asia/Shanghai';

/**
 * One version of the working-day calendar: mainland China's weekends, statutory holidays and make-up working days
 * (调休) for the years it knows, with the district's local adjustments merged in. Plain JSON: a case carries the version
 * it was given in its state, so its history replays the same whatever the calendar became later.
 */
export interface WorkCalendar {
  /** 1, 2, … — a newer version reaches running cases through the recorded `updateCalendar` Update. */
  version: number;
  /** sha256 (hex) of the RFC 8785 canonical JSON of this object without `sha256`. */
  sha256: string;
  /** Where the days come from, e.g. `chinese-days@1.5.7 + 2 local adjustments`. */
  source: string;
  /** The first and last year whose schedule the calendar knows; other years count only weekends and are provisional. */
  knownFrom: number;
  knownThrough: number;
  /** Monday–Friday dates (YYYY-MM-DD, sorted) that are not working days: statutory holidays, local days off. */
  offDays: string[];
  /** Saturday/Sunday dates (YYYY-MM-DD, sorted) that are working days: 调休 make-up days, local make-up days. */
  workDays: string[];
}

/** The legal grounds a clock may be suspended on (中止), as codes; the web app names them in zh-CN. */
export const SUSPENSION_GROUNDS = ['hearing', 'announcement', 'inspection', 'party', 'other'] as const;
/** One ground of suspension: 听证, 公告, 检测鉴定, 当事人原因, 其他. */
export type SuspensionGround = (typeof SUSPENSION_GROUNDS)[number];

/** A statutory clock a process declares (`<sparrow:clock>` in the process's extension elements). */
export interface ClockDeclaration {
  name: string;
  /** Calendar time: an ISO 8601 duration (`P90D`; day-only durations count whole days, `PT30S` exact time for tests). */
  duration?: string;
  /** Or a number of working days (`workingDays="20"`). Exactly one of the two is set. */
  workingDays?: number;
  /** Roles or groups that may suspend, resume and extend it besides street commanders (and admins). */
  approvers: string[];
  /** The clock shows as near its deadline when this many units (its days) or fewer remain; default 3. */
  warnWithin: number;
}

/** A period a clock did not run: from its suspension to its resumption (`to` absent while it lasts). */
export interface ClockSuspension {
  from: string;
  to?: string;
  ground: SuspensionGround;
  reason: string;
  by: string;
  resumedBy?: string;
  resumeReason?: string;
}

/** An approved extension (延期) of a clock, in its unit (calendar days or working days). */
export interface ClockExtension {
  days: number;
  reason: string;
  by: string;
  at: string;
}

/** A clock of a case as the engine keeps it: when it started, its suspensions and extensions, its deadline now. */
export interface ClockState {
  name: string;
  status: 'running' | 'suspended' | 'stopped';
  startedAt: string;
  /** The element whose completion started it. */
  startedBy: string;
  stoppedAt?: string;
  suspensions: ClockSuspension[];
  extensions: ClockExtension[];
  /** The end of its last day (ISO 8601 with +08:00, 23:59:59) or exact instant for a time-only clock; null while suspended. */
  deadline: string | null;
  /** The deadline falls in or counts days of a year whose schedule the calendar does not know yet. */
  provisional: boolean;
}

/** A clock as the API and the case page show it, computed at a moment (`at`). */
export interface ClockView extends ClockState {
  /** What it counts: calendar days, working days, or exact time (a duration with hours, minutes or seconds). */
  unit: 'calendarDays' | 'workingDays' | 'time';
  /** Its declared length: days, or the ISO duration for `time`. */
  length: number | string;
  /** Units counted from the start through today (or the stop day; for `time`: whole seconds); suspended days do not count. */
  elapsed: number;
  /** Units after today (or the stop day) up to the deadline; negative: units overdue; null while suspended. */
  remaining: number | null;
  /** Extensions granted so far, in days. */
  extendedDays: number;
  /** `near`: remaining ≤ warnWithin; `overdue`: past the deadline while not stopped. */
  urgency: 'normal' | 'near' | 'overdue';
  approvers: string[];
  warnWithin: number;
}
