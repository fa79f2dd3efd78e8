import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';

export class TokenRequestDto {
  @ApiProperty({ example: 'admin@forbundet.se' })
  @IsEmail()
  email: string;

  @ApiProperty()
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
