import { decodeDeltagandeEvent } from '#domain';
import type { RecordedEvent } from '#event-store';
import type { DeltagandeRow } from '#projections';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class PersonResponseDto {
  @ApiProperty() kon: string;
  @ApiProperty() fodelsear: number;
  @ApiProperty() kommun: string;
}

class RemissResponseDto {
  @ApiProperty({ format: 'date' }) datum: string;
  @ApiProperty() remittent: string;
  @ApiPropertyOptional({ nullable: true, type: String }) remittentEnhet: string | null;
}

class AterremissResponseDto {
  @ApiProperty({ format: 'date' }) datum: string;
  @ApiProperty() orsak: string;
}

class InskrivningResponseDto {
  @ApiProperty({ format: 'date' }) datum: string;
  @ApiProperty({ type: [String] }) forsorjning: string[];
  @ApiProperty() utbildningsniva: string;
  @ApiProperty() tidIOffentligForsorjning: string;
}

class AvslutResponseDto {
  @ApiProperty({ format: 'date' }) datum: string;
  @ApiProperty() avslutsorsak: string;
  @ApiProperty({ type: [String] }) forsorjning: string[];
}

class UppfoljningResponseDto {
  @ApiProperty({ format: 'date' }) datum: string;
  @ApiProperty({ enum: [6, 12] }) manaderEfterAvslut: number;
  @ApiProperty() sysselsattning: string;
  @ApiProperty({ type: [String] }) forsorjning: string[];
}

class MakuleringResponseDto {
  @ApiProperty() orsak: string;
}

export class DeltagandeDto {
  @ApiProperty() id: string;
  @ApiProperty() insatsId: string;
  @ApiProperty({ enum: ['remitterad', 'aterremitterad', 'inskriven', 'avslutad', 'makulerad'] })
  status: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Opaque id of a registered person',
  })
  personId: string | null;
  @ApiProperty({ type: PersonResponseDto }) person: PersonResponseDto;
  @ApiProperty({ type: RemissResponseDto }) remiss: RemissResponseDto;
  @ApiPropertyOptional({ type: AterremissResponseDto, nullable: true })
  aterremiss: AterremissResponseDto | null;
  @ApiPropertyOptional({ type: InskrivningResponseDto, nullable: true })
  inskrivning: InskrivningResponseDto | null;
  @ApiPropertyOptional({ type: AvslutResponseDto, nullable: true })
  avslut: AvslutResponseDto | null;
  @ApiProperty({ type: [UppfoljningResponseDto] }) uppfoljningar: UppfoljningResponseDto[];
  @ApiPropertyOptional({ type: MakuleringResponseDto, nullable: true })
  makulering: MakuleringResponseDto | null;
  @ApiProperty({ description: 'Stream revision; send as If-Match' }) revision: number;
  @ApiProperty() registrerad: Date;
  @ApiProperty() senastAndrad: Date;
}

export class HistorikDto {
  @ApiProperty({ example: 'DeltagareInskriven' }) type: string;
  @ApiProperty({ type: Object }) data: Record<string, unknown>;
  @ApiProperty() recordedAt: Date;
  @ApiProperty() userId: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The user who recorded it' })
  userEmail: string | null;
  @ApiProperty() revision: number;
}

export class DeltagandeMedHistorikDto extends DeltagandeDto {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Only for a person registered with samtycke; null once erased',
  })
  personnummer: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) namn: string | null;
  @ApiProperty({ type: [HistorikDto] }) historik: HistorikDto[];
}

export const toDeltagandeDto = (row: DeltagandeRow): DeltagandeDto => {
  const { state } = row;
  return {
    id: row.id,
    insatsId: row.insatsId,
    status: row.status,
    personId: row.personId,
    person: {
      kon: state.person!.kon,
      fodelsear: state.person!.fodelsear,
      kommun: state.person!.kommun,
    },
    remiss: state.remiss!,
    aterremiss: state.aterremiss,
    inskrivning: state.inskrivning,
    avslut: state.avslut,
    uppfoljningar: state.uppfoljningar,
    makulering: state.makulering ? { orsak: state.makulering.orsak } : null,
    revision: row.revision,
    registrerad: row.createdAt,
    senastAndrad: row.updatedAt,
  };
};

/** A stored event of the deltagande's stream as the timeline shows it, in its current shape. */
export const toHistorikDto = (
  event: RecordedEvent,
  emails: ReadonlyMap<string, string>,
): HistorikDto => ({
  ...decodeDeltagandeEvent(event),
  recordedAt: event.recordedAt,
  userId: event.metadata.userId,
  userEmail: emails.get(event.metadata.userId) ?? null,
  revision: event.revision,
});
