import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsPassword } from '../../users/password.js';

export class ForbundAdminDto {
  @ApiProperty()
  @IsEmail()
  email: string;

  @IsPassword()
  password: string;
}

export class SkapaForbundRequestDto {
  @ApiProperty({ example: 'Samordningsförbundet Östra Södertörn' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  namn: string;

  @ApiProperty({ type: ForbundAdminDto })
  @ValidateNested()
  @Type(() => ForbundAdminDto)
  admin: ForbundAdminDto;
}
