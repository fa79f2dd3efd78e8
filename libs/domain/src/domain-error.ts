/**
 * A broken business rule. `code` is stable (clients and the exception filter match on it);
 * `message` is Swedish and names the rule, for the person who sent the command.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
