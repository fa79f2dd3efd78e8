import { MANADER_EFTER_AVSLUT, type Forsorjning, type Sysselsattning } from '#domain';
import { CivilDateProperty } from '../../http/civil-date.validator.js';
import { ForsorjningProperty, KodProperty, SysselsattningProperty } from '../deltagande-fields.js';

export class RegistreraUppfoljningRequestDto {
  @CivilDateProperty()
  datum: string;

  @KodProperty(MANADER_EFTER_AVSLUT)
  manaderEfterAvslut: 6 | 12;

  @SysselsattningProperty()
  sysselsattning: Sysselsattning;

  @ForsorjningProperty()
  forsorjning: Forsorjning[];
}
