import { type Forsorjning, type TidIOffentligForsorjning, type Utbildningsniva } from '#domain';
import { CivilDateProperty } from '../../http/civil-date.validator.js';
import {
  ForsorjningProperty,
  TidIOffentligForsorjningProperty,
  UtbildningsnivaProperty,
} from '../deltagande-fields.js';

export class SkrivInRequestDto {
  @CivilDateProperty()
  datum: string;

  @ForsorjningProperty()
  forsorjning: Forsorjning[];

  @UtbildningsnivaProperty()
  utbildningsniva: Utbildningsniva;

  @TidIOffentligForsorjningProperty()
  tidIOffentligForsorjning: TidIOffentligForsorjning;
}
