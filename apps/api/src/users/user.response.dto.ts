import { ApiProperty } from '@nestjs/swagger';
import { ROLLER, type UserRow } from './user.entity.js';

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLLER }) roll: string;
  @ApiProperty({ type: [String] }) insatser: string[];
}

export const toUserDto = (row: UserRow): UserDto => ({
  id: row.id,
  email: row.email,
  roll: row.roll,
  insatser: row.insatser,
});
