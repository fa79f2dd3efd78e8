import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength, ValidateBy, isEmail } from 'class-validator';

/** API.md "Limits everywhere": free text is trimmed, 1–500 characters, no control characters. */
export const FREE_TEXT_MAX_LENGTH = 500;

// PostgreSQL refuses NUL in text and a lone surrogate cannot be encoded as UTF-8, so either
// would fail at the insert (a 500) rather than at the boundary.
const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_LINE_BREAKS = /[^\P{Cc}\n\r\t]/u;
const LONE_SURROGATE = /\p{Cs}/u;
// Something a reader can see: not only spaces, zero-width or other format characters.
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Z}\p{Mn}\p{Me}]/u;

const trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

const WellFormedText = (multiline: boolean): PropertyDecorator =>
  ValidateBy({
    name: 'isWellFormedText',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || isWellFormed(value, multiline),
      defaultMessage: () =>
        '$property innehåller otillåtna tecken (styrtecken eller trasig Unicode)',
    },
  });

const isWellFormed = (value: string, multiline = false): boolean =>
  !(multiline ? CONTROL_EXCEPT_LINE_BREAKS : CONTROL).test(value) && !LONE_SURROGATE.test(value);

const HasVisibleCharacter = (allowEmpty: boolean): PropertyDecorator =>
  ValidateBy({
    name: 'hasVisibleCharacter',
    validator: {
      validate: (value: unknown) =>
        typeof value !== 'string' || (allowEmpty && value === '') || VISIBLE.test(value),
      defaultMessage: () => '$property måste innehålla synlig text',
    },
  });

export interface FreeTextOptions {
  /** Upper bound in characters; at most {@link FREE_TEXT_MAX_LENGTH}. */
  maxLength?: number;
  /** May be left out; when sent it must still be valid text. */
  optional?: boolean;
  /** An empty string is allowed and means "none" (a correction that clears the field). */
  allowEmpty?: boolean;
  /** Line breaks and tabs allowed (text typed in a multi-line field). */
  multiline?: boolean;
  description?: string;
  example?: string;
}

/**
 * Every free-text field of a request: trimmed, then text of 1–maxLength characters with
 * something visible in it, well-formed Unicode and no control characters.
 */
export const FreeText = (options: FreeTextOptions = {}): PropertyDecorator => {
  const maxLength = Math.min(options.maxLength ?? FREE_TEXT_MAX_LENGTH, FREE_TEXT_MAX_LENGTH);
  const minLength = options.allowEmpty ? 0 : 1;
  const docs = {
    type: String,
    minLength,
    maxLength,
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(options.example === undefined ? {} : { example: options.example }),
  };
  return applyDecorators(
    options.optional ? ApiPropertyOptional(docs) : ApiProperty(docs),
    trim(),
    ...(options.optional ? [IsOptional()] : []),
    IsString(),
    WellFormedText(options.multiline ?? false),
    MinLength(minLength, { message: '$property får inte vara tomt' }),
    MaxLength(maxLength),
    HasVisibleCharacter(options.allowEmpty ?? false),
  );
};

/**
 * The same rules for text that does not come as a JSON field (an import's cell): what is
 * wrong with the trimmed text, in Swedish, or undefined when it is fine.
 */
export const fritextProblem = (
  text: string,
  options: { maxLength?: number; multiline?: boolean } = {},
): string | undefined => {
  const maxLength = Math.min(options.maxLength ?? FREE_TEXT_MAX_LENGTH, FREE_TEXT_MAX_LENGTH);
  if (!isWellFormed(text, options.multiline ?? false))
    return 'innehåller otillåtna tecken (styrtecken eller trasig Unicode)';
  if (text.length > maxLength) return `får vara högst ${maxLength} tecken`;
  if (!VISIBLE.test(text)) return 'måste innehålla synlig text';
  return undefined;
};

/** Long enough for any real address (RFC 5321 allows 254), short enough to check cheaply. */
export const EMAIL_MAX_LENGTH = 254;

const SafeEmail = (): PropertyDecorator =>
  ValidateBy({
    name: 'isSafeEmail',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        value.length <= EMAIL_MAX_LENGTH &&
        isWellFormed(value) &&
        isEmail(value),
      defaultMessage: () => '$property måste vara en e-postadress',
    },
  });

/**
 * An e-mail address, checked for length and characters before IsEmail sees it: the
 * validator must never run on megabytes or on broken Unicode.
 */
export const EmailAddress = (example?: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      type: String,
      format: 'email',
      maxLength: EMAIL_MAX_LENGTH,
      ...(example === undefined ? {} : { example }),
    }),
    trim(),
    SafeEmail(),
  );
