import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
} from '@nestjs/swagger';
import { CommandResponseDto } from '../commands/command-response.dto.js';

/** API.md's error body, for the OpenAPI document. */
export class ErrorResponseDto {
  @ApiProperty({ example: 422 }) statusCode: number;
  @ApiProperty({ example: 'Unprocessable Entity' }) error: string;
  @ApiProperty({ example: 'Avslutsdatum före inskrivningsdatum' }) message: string;
  @ApiPropertyOptional({
    description: 'Field errors (400), the rule code (422), revisions (412)',
    type: Object,
  })
  details?: unknown;
}

const ERRORS: Record<number, string> = {
  400: 'Malformed request (bad JSON, nested deeper than 32 levels, unknown or invalid fields); `details` lists every bad field',
  401: 'No or invalid token',
  403: 'The role or insats does not allow it',
  404: 'Unknown id (also an id in another förbund)',
  409: 'Concurrent change: read again and retry',
  412: 'If-Match names another revision',
  422: 'A domain rule is broken; the message names it in Swedish',
  413: 'Body larger than 100 kB',
  503: 'Busy (too many reports, a statement past its time limit, a person another request is changing): retry after Retry-After seconds',
};

/** Documents the error statuses a route can answer with. */
export const ApiErrors = (...statuses: number[]): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(ErrorResponseDto),
    ...statuses.map((status) =>
      ApiResponse({ status, description: ERRORS[status], type: ErrorResponseDto }),
    ),
  );

/** A command endpoint: `{id, revision, position}`, If-Match, Idempotency-Key and its errors. */
export const ApiCommand = (summary: string, options: { created?: boolean } = {}): MethodDecorator =>
  applyDecorators(
    ApiBearerAuth(),
    ApiOperation({ summary }),
    options.created
      ? ApiCreatedResponse({ type: CommandResponseDto })
      : ApiOkResponse({ type: CommandResponseDto }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The revision the change is based on, e.g. "3"; another revision → 412',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'A retry with the same key returns the first answer and appends nothing',
    }),
    ApiErrors(400, 401, 403, 404, 409, 412, 413, 422),
  );
