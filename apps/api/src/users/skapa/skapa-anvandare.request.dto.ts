import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { EmailAddress } from '../../http/free-text.js';
import { IsPassword } from '../password.js';
import { ROLLER, type Roll } from '../user.entity.js';

/** Bounds the check of each insats; far more than one person works in. */
export const MAX_INSATSER_PER_USER = 500;

export class SkapaAnvandareRequestDto {
  @EmailAddress('anna@insatsen.se')
  email: string;

  @IsPassword()
  password: string;

  @ApiProperty({ enum: ROLLER })
  @IsIn(ROLLER)
  roll: Roll;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_INSATSER_PER_USER,
    description: 'Insatser (id) that a personal user works in',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INSATSER_PER_USER)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  insatser?: string[];
}

export class IdResponseDto {
  @ApiProperty()
  id: string;
}
