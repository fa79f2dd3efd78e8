/** An error answer from the API: `{statusCode, error, message, details?}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** 400 validation: `[{field: 'remiss.datum', errors: ['…']}]`. */
  get faltfel(): { field: string; errors: string[] }[] {
    if (this.status !== 400 || !Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is { field: string; errors: string[] } =>
        typeof d === 'object' && d !== null && 'field' in d && 'errors' in d,
    );
  }

  /** 422 domain rule: `details.code` plus the rule's own details (e.g. `falt`). */
  get regel(): { code: string; falt?: string } | undefined {
    if (this.status !== 422 || typeof this.details !== 'object' || this.details === null) {
      return undefined;
    }
    const { code, falt } = this.details as { code?: unknown; falt?: unknown };
    if (typeof code !== 'string') return undefined;
    return { code, ...(typeof falt === 'string' ? { falt } : {}) };
  }
}
