import { OrsakProperty } from '../deltagande-fields.js';

export class AterkallaAvslutRequestDto {
  @OrsakProperty()
  orsak: string;
}
