import { MAX_ANTAL } from '#domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, Max, Min } from 'class-validator';

export class SattArsmalRequestDto {
  @ApiProperty({ description: 'Aktuella deltagare under året', minimum: 0, maximum: MAX_ANTAL })
  @IsInt()
  @Min(0)
  @Max(MAX_ANTAL)
  deltagare: number;

  @ApiProperty({ description: 'Nya deltagare under året', minimum: 0, maximum: MAX_ANTAL })
  @IsInt()
  @Min(0)
  @Max(MAX_ANTAL)
  nyaDeltagare: number;

  @ApiProperty({ description: 'Andel av avslutade till arbete eller studier, 0–1' })
  @IsNumber()
  @Min(0)
  @Max(1)
  andelArbeteStudier: number;
}
