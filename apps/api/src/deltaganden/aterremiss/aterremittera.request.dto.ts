import { CivilDateProperty } from '../../http/civil-date.validator.js';
import { OrsakProperty } from '../deltagande-fields.js';

export class AterremitteraRequestDto {
  @CivilDateProperty()
  datum: string;

  @OrsakProperty()
  orsak: string;
}
