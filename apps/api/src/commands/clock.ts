import { Injectable } from '@nestjs/common';

const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Business dates are civil dates in Europe/Stockholm; deciders get "today" from here. */
@Injectable()
export class Clock {
  today(): string {
    return STOCKHOLM.format(new Date());
  }
}
