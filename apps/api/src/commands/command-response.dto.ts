import { ApiProperty } from '@nestjs/swagger';

/** Every command's answer (API.md). */
export class CommandResponseDto {
  @ApiProperty({ description: 'Id of the insats or deltagande' })
  id: string;

  @ApiProperty({ description: 'Stream revision after the append; send it as If-Match' })
  revision: number;

  @ApiProperty({ description: 'Global position; reads made after this see the change' })
  position: number;
}
