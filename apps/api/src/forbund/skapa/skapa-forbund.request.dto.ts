import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { EmailAddress, FreeText } from '../../http/free-text.js';
import { IsPassword } from '../../users/password.js';

export class ForbundAdminDto {
  @EmailAddress()
  email: string;

  @IsPassword()
  password: string;
}

export class SkapaForbundRequestDto {
  @FreeText({ maxLength: 200, example: 'Samordningsförbundet Östra Södertörn' })
  namn: string;

  @ApiProperty({ type: ForbundAdminDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ForbundAdminDto)
  admin: ForbundAdminDto;
}
