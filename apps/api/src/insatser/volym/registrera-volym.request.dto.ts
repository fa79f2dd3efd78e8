import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { CivilDateProperty } from '../../http/civil-date.validator.js';

export class RegistreraVolymRequestDto {
  @CivilDateProperty()
  datum: string;

  @ApiProperty()
  @IsInt()
  @Min(0)
  kvinnor: number;

  @ApiProperty()
  @IsInt()
  @Min(0)
  man: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  ejAngivet?: number;

  @ApiPropertyOptional({ example: 'Föreläsning om arbetsmarknaden' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  aktivitet?: string;
}
