import { CivilDateProperty } from '../../http/civil-date.validator.js';

export class AvslutaInsatsRequestDto {
  @CivilDateProperty('Sista dagen; senast i dag och inte före någon registrering i insatsen')
  slutdatum: string;
}
