import { ValidationPipe, BadRequestException, type ValidationError } from '@nestjs/common';
import { toSwedish } from './validation-messages.js';

export interface FieldError {
  field: string;
  errors: string[];
}

const flatten = (errors: readonly ValidationError[], parent = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints
      ? [{ field, errors: Object.values(error.constraints).map(toSwedish) }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });

/** Whitelisted, unknown fields forbidden, and every bad field listed in `details`. */
export const validationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new BadRequestException({
        message: `Ogiltig begäran: ${details.map((d) => d.field).join(', ')}`,
        details,
      });
    },
  });
