import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { FreeText } from '../../http/free-text.js';

/** `/grupper/:grupp/mal/:malId`: the grupp as the insatser name it (trimmed, 1–500 chars). */
export class GruppMalParamsDto {
  @FreeText({ description: 'Gruppen, som den står på insatserna', example: 'Rätt stöd för mig' })
  grupp: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  malId: string;
}
