import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { StatistikQueryDto } from '../statistik/rapport/statistik.request.dto.js';

/** How many of the newest exports in the period are compared with the same report made now. */
export const GRANSKADE_RAPPORTER = 20;

/** The period (a report period: at most ten years) and, optionally, some insatser. */
export class DatakvalitetQueryDto extends PickType(StatistikQueryDto, ['fran', 'till', 'insats']) {}

export class EfterslapningDto {
  @ApiProperty({ description: 'Registreringar med affärsdatum i perioden' }) antal: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Median av dagar från affärsdatum till registrering (svensk tid), interpolerad; null utan registreringar',
  })
  medianDagar: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '90:e percentilen av samma dagar, interpolerad (percentile_cont)',
  })
  p90Dagar: number | null;
  @ApiProperty({ description: 'Registreringar gjorda mer än 30 dagar efter affärsdatum' })
  antalOver30: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'antalOver30 / antal (0–1); null utan registreringar',
  })
  andelOver30: number | null;
}

export class AnvandarEfterslapningDto extends EfterslapningDto {
  @ApiProperty({ description: 'Den registrerande användarens id' }) anvandareId: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Användarens e-post; null om användaren inte finns i förbundet (import, borttagen)',
  })
  email: string | null;
}

export class DeltagandeUrvalDto {
  @ApiProperty() antal: number;
  @ApiProperty({
    type: [String],
    description: 'Deltagandena bakom antalet (id, inga personuppgifter), äldst först',
  })
  deltagandeIds: string[];
}

export class InsatsKvalitetDto {
  @ApiProperty() insatsId: string;
  @ApiProperty() namn: string;
  @ApiProperty({ enum: ['individ', 'volym'] }) matmetod: string;
  @ApiProperty({ type: EfterslapningDto }) efterslapning: EfterslapningDto;
  @ApiPropertyOptional({
    type: [AnvandarEfterslapningDto],
    description: 'Eftersläpningen per registrerande användare (bara för admin)',
  })
  perAnvandare?: AnvandarEfterslapningDto[];
  @ApiProperty({
    type: DeltagandeUrvalDto,
    description:
      'Remisser som vid referensdatum väntat mer än 60 dagar: varken inskrivna, återremitterade eller avslutade',
  })
  vantandeRemisser: DeltagandeUrvalDto;
  @ApiProperty({
    type: DeltagandeUrvalDto,
    description:
      'Inskrivna vid referensdatum utan händelse med affärsdatum under de senaste 12 månaderna (inskrivna före referensdatum minus 12 månader, inte avslutade)',
  })
  inaktivaInskrivna: DeltagandeUrvalDto;
  @ApiProperty({
    type: [String],
    nullable: true,
    description:
      'Volyminsats: månader (YYYY-MM) i perioden, inom insatsens start- och slutdatum och fram till referensdatum, utan någon registrering; null för individinsatser',
  })
  saknadeVolymManader: string[] | null;
  @ApiProperty({
    type: DeltagandeUrvalDto,
    description:
      'Deltaganden vars person (samma personId) har olika kön eller födelseår i olika deltaganden',
  })
  personkonflikter: DeltagandeUrvalDto;
}

export class AndradRapportDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'När exporten gjordes' }) skapad: string;
  @ApiProperty({ format: 'date' }) fran: string;
  @ApiProperty({ format: 'date' }) till: string;
  @ApiProperty({ type: [String], nullable: true, description: 'null: hela förbundet' })
  insatser: string[] | null;
  @ApiProperty({ description: 'Tidpunkten rapporten gjordes som känd vid' }) asOf: string;
  @ApiProperty() format: string;
  @ApiProperty({
    description: 'Webbsidan som förklarar vad som ändrats sedan: /rapporter/:id/andringar',
  })
  lank: string;
}

export class DatakvalitetDto {
  @ApiProperty({ format: 'date' }) fran: string;
  @ApiProperty({ format: 'date' }) till: string;
  @ApiProperty({
    format: 'date',
    description: 'Dagen väntetider och inaktivitet mäts vid: till, eller i dag om till är senare',
  })
  referensdatum: string;
  @ApiProperty({ type: [InsatsKvalitetDto] }) insatser: InsatsKvalitetDto[];
  @ApiPropertyOptional({
    type: [AndradRapportDto],
    description:
      'Registrerade exporter (period som överlappar, samma insatser) vars siffror ändrats sedan; bara för admin och kansli',
  })
  andradeRapporter?: AndradRapportDto[];
  @ApiPropertyOptional({
    description: `Hur många av de senaste exporterna som jämförts (högst ${GRANSKADE_RAPPORTER})`,
  })
  granskadeRapporter?: number;
}
