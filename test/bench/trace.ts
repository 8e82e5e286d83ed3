// Reading Chrome traces (the DevTools protocol's Tracing domain, as Playwright's
// browser.startTracing returns them): which thread is which, and the main-thread tasks.

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown> };
}

export function traceEvents(buffer: Buffer): TraceEvent[] {
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

export const threadKey = (e: Pick<TraceEvent, 'pid' | 'tid'>) => `${e.pid}:${e.tid}`;

export function threadNames(events: readonly TraceEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name' && e.args?.name) names.set(threadKey(e), e.args.name);
  return names;
}

export function urlOf(e: TraceEvent): string {
  const url = e.args?.data?.url ?? e.args?.beginData?.url;
  return typeof url === 'string' ? url : '';
}

/** The main thread of the renderer that parsed `url`. */
export function mainThreadOf(events: readonly TraceEvent[], url: string): string | null {
  const parse = events.find((e) => e.name === 'ParseHTML' && urlOf(e) === url);
  return parse ? threadKey(parse) : null;
}

/** The thread's top-level tasks (nested task events merged into the one around them), in order. */
export function topLevelTasks(events: readonly TraceEvent[], thread: string): Array<{ ts: number; end: number }> {
  const tasks = events
    .filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && threadKey(e) === thread)
    .map((e) => ({ ts: e.ts, end: e.ts + (e.dur ?? 0) }))
    .sort((a, b) => a.ts - b.ts);
  const merged: Array<{ ts: number; end: number }> = [];
  for (const t of tasks) {
    const last = merged.at(-1);
    if (last && t.ts < last.end) last.end = Math.max(last.end, t.end);
    else merged.push({ ...t });
  }
  return merged;
}

/** Sum of durations, in ms. */
export function busyMs(tasks: ReadonlyArray<{ ts: number; end: number }>): number {
  return tasks.reduce((sum, t) => sum + (t.end - t.ts), 0) / 1000;
}
