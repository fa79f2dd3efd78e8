import { ApiProperty } from '@nestjs/swagger';
import { MalDto } from '../../insatser/mal-och-ekonomi/mal-och-ekonomi.response.dto.js';

export class ForbundsmalDto extends MalDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Gruppen målet gäller; null för hela förbundet',
  })
  grupp: string | null;
}
