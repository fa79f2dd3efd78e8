import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

const booleanQuery = (): PropertyDecorator =>
  Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class StartaImportQueryDto {
  @ApiPropertyOptional({ description: 'Provkörning: varje fel med rad och kolumn, inget skrivs' })
  @IsOptional()
  @booleanQuery()
  @IsBoolean()
  torrkorning?: boolean;

  @ApiPropertyOptional({ description: 'Skriv ingenting om någon rad har fel' })
  @IsOptional()
  @booleanQuery()
  @IsBoolean()
  allaEllerInget?: boolean;
}
