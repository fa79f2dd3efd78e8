/**
 * How many reports (report, export, underlag alike) run at once. Each report runs three
 * statements side by side, so two reports keep both cores of a small machine busy; together
 * their snapshots hold at most the pool less four connections (inOneSnapshot), so the rest of
 * the pool and the CPU stay free for commands, reads and /health.
 */
export interface ReportGateLimits {
  readonly running: number;
  /** Reports that may wait for a free place; more than this are turned away at once. */
  readonly queued: number;
  /** The longest a report waits in the queue before it is turned away. */
  readonly waitMs: number;
}

export const REPORT_GATE_LIMITS: ReportGateLimits = { running: 2, queued: 4, waitMs: 10_000 };

/** A report turned away because too many run already; the client should retry later. */
export class ReportsBusyError extends Error {
  readonly retryAfterSeconds = 5;
  constructor() {
    super('Många rapporter körs just nu; försök igen om en stund');
    this.name = 'ReportsBusyError';
  }
}

/** A semaphore with a short, bounded queue in front of the report statements. */
export class ReportGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limits: ReportGateLimits = REPORT_GATE_LIMITS) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  private enter(): Promise<void> {
    if (this.running < this.limits.running) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.queued) return Promise.reject(new ReportsBusyError());
    return new Promise((resolve, reject) => {
      const admit = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(admit), 1);
        reject(new ReportsBusyError());
      }, this.limits.waitMs);
      this.waiting.push(admit);
    });
  }

  /** The place goes straight to the next in line, so `running` never overshoots. */
  private leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
