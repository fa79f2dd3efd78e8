import { readFileSync } from 'node:fs';

/** The parts of a V8 `.cpuprofile` (as `node --cpu-prof` writes it) the summary reads. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  /** Microseconds between consecutive samples; the first is from startTime. */
  timeDeltas: number[];
  endTime: number;
}

/** A stretch of the profiled run, as milliseconds before the profile's end (the process's exit). */
export interface ProfileWindow {
  readonly fromMsBeforeEnd: number;
  readonly toMsBeforeEnd: number;
}

export interface ProfileLine {
  readonly name: string;
  /** Share of the busy samples (idle excluded), 0–1. */
  readonly share: number;
}

export interface ProfileSummary {
  readonly busySamples: number;
  /** Functions by their own time. */
  readonly selfTime: ProfileLine[];
  /** Functions of the app and its packages by the time spent in them and what they called. */
  readonly totalTime: ProfileLine[];
  /** Own time per npm package, "node" (runtime internals) or "app" (this project). */
  readonly byPackage: ProfileLine[];
}

const IDLE = new Set(['(idle)', '(program)']);

const packageOf = (url: string, functionName: string): string => {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1]!;
  if (url.startsWith('node:') || url === '') {
    return functionName.startsWith('(') ? functionName : 'node';
  }
  return 'app';
};

const frameName = (frame: CpuProfile['nodes'][number]['callFrame']): string => {
  const file = frame.url.replace(/^file:\/\/.*?(node_modules\/|dist\/)/, '$1');
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
};

const top = (counts: Map<string, number>, busy: number, limit: number): ProfileLine[] =>
  [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, count]) => ({ name, share: count / busy }));

/**
 * Where a profiled process spent its busy time: by function (own and total) and by package;
 * only within `window` when given (e.g. the load, without start-up and shutdown).
 */
export const summarizeCpuProfile = (
  file: string,
  limit = 15,
  window?: ProfileWindow,
): ProfileSummary => {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const times: number[] = [];
  let time = profile.endTime - profile.timeDeltas.reduce((sum, delta) => sum + delta, 0);
  for (const delta of profile.timeDeltas) times.push((time += delta));
  const from = window ? profile.endTime - window.fromMsBeforeEnd * 1000 : -Infinity;
  const to = window ? profile.endTime - window.toMsBeforeEnd * 1000 : Infinity;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const packages = new Map<string, number>();
  let busy = 0;
  for (const [index, id] of profile.samples.entries()) {
    if (times[index]! < from || times[index]! > to) continue;
    const node = byId.get(id)!;
    if (IDLE.has(node.callFrame.functionName)) continue;
    busy++;
    const name = frameName(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + 1);
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + 1);
    // A recursive function counts once per sample in its total.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (frame.functionName === '(root)') break;
      // Runtime frames (the event loop, streams) sit under everything and say nothing.
      if (packageOf(frame.url, frame.functionName) === 'node' || frame.url === '') continue;
      const key = frameName(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + 1);
    }
  }
  return {
    busySamples: busy,
    selfTime: top(self, busy, limit),
    totalTime: top(total, busy, limit),
    byPackage: top(packages, busy, limit),
  };
};
