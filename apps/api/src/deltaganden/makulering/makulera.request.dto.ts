import { OrsakProperty } from '../deltagande-fields.js';

export class MakuleraRequestDto {
  @OrsakProperty()
  orsak: string;
}
