import { type Avslutsorsak, type Forsorjning } from '#domain';
import { CivilDateProperty } from '../../http/civil-date.validator.js';
import { AvslutsorsakProperty, ForsorjningProperty } from '../deltagande-fields.js';

export class AvslutaRequestDto {
  @CivilDateProperty()
  datum: string;

  @AvslutsorsakProperty()
  avslutsorsak: Avslutsorsak;

  @ForsorjningProperty()
  forsorjning: Forsorjning[];
}
