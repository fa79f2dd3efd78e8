import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsPassword } from '../password.js';
import { ROLLER, type Roll } from '../user.entity.js';

export class SkapaAnvandareRequestDto {
  @ApiProperty({ example: 'anna@insatsen.se' })
  @IsEmail()
  email: string;

  @IsPassword()
  password: string;

  @ApiProperty({ enum: ROLLER })
  @IsIn(ROLLER)
  roll: Roll;

  @ApiPropertyOptional({
    type: [String],
    description: 'Insatser (id) that a personal user works in',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  insatser?: string[];
}

export class IdResponseDto {
  @ApiProperty()
  id: string;
}
