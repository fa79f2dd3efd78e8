import { MALMATT, type Arsmal, type Ekonomi, type Mal, type Malmatt } from '#domain';
import { ApiProperty } from '@nestjs/swagger';
import { ArsmalDto } from '../insats.response.dto.js';

export class MalDto {
  @ApiProperty({ format: 'uuid' })
  malId: string;

  @ApiProperty({ enum: MALMATT })
  matt: Malmatt;

  @ApiProperty({ format: 'date' })
  fran: string;

  @ApiProperty({ format: 'date' })
  till: string;

  @ApiProperty({ description: 'Ett antal för antalsmått, en andel 0–1 för andel-…' })
  varde: number;
}

export class EkonomiDto {
  @ApiProperty()
  ar: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Kronor; null när den inte satts' })
  budget: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Kronor; null när den inte satts' })
  kostnad: number | null;
}

/** An insats's goals, economy and årsmål as its stream has them now. */
export class MalOchEkonomiDto {
  @ApiProperty({ type: [MalDto], description: 'Sorted by fran, matt' })
  mal: MalDto[];

  @ApiProperty({ type: [EkonomiDto], description: 'By year, ascending' })
  ekonomi: EkonomiDto[];

  @ApiProperty({ type: [ArsmalDto], description: 'By year, ascending' })
  arsmal: ArsmalDto[];

  @ApiProperty({ description: 'Stream revision of the insats; send as If-Match' })
  revision: number;
}

/** Goals in a stable order: by period start, then measure, then id. */
export const malLista = <M extends Mal>(mal: Record<string, M>): (M & { malId: string })[] =>
  Object.entries(mal)
    .map(([malId, m]) => ({ ...m, malId }))
    .sort(
      (a, b) =>
        a.fran.localeCompare(b.fran) ||
        a.matt.localeCompare(b.matt) ||
        a.malId.localeCompare(b.malId),
    );

export const toMalOchEkonomiDto = (
  state: {
    mal: Record<string, Mal>;
    ekonomi: Record<number, Ekonomi>;
    arsmal: Record<number, Arsmal>;
  },
  revision: number,
): MalOchEkonomiDto => ({
  mal: malLista(state.mal).map(({ malId, matt, fran, till, varde }) => ({
    malId,
    matt,
    fran,
    till,
    varde,
  })),
  ekonomi: Object.entries(state.ekonomi)
    .map(([ar, { budget, kostnad }]) => ({
      ar: Number(ar),
      budget: budget ?? null,
      kostnad: kostnad ?? null,
    }))
    .sort((a, b) => a.ar - b.ar),
  arsmal: Object.entries(state.arsmal)
    .map(([ar, parts]) => ({ ar: Number(ar), ...parts }))
    .sort((a, b) => a.ar - b.ar),
  revision,
});
