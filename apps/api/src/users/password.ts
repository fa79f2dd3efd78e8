import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export const MIN_PASSWORD_LENGTH = 12;

/** The password policy for every account: a long passphrase beats composition rules. */
export const IsPassword = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: 200 }),
    IsString(),
    MinLength(MIN_PASSWORD_LENGTH, {
      message: `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken`,
    }),
    MaxLength(200),
  );
