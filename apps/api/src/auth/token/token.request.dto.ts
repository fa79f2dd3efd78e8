import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { EmailAddress } from '../../http/free-text.js';

export class TokenRequestDto {
  @EmailAddress('admin@forbundet.se')
  email: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  password: string;
}

export class TokenResponseDto {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ description: 'Seconds until the token expires' })
  expiresIn: number;
}
