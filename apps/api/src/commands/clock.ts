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
  private second = -1;
  private date = '';

  today(): string {
    // Formatting a date in a time zone is costly next to a command: once a second is enough.
    const second = Math.floor(Date.now() / 1000);
    if (second !== this.second) {
      this.second = second;
      this.date = STOCKHOLM.format(second * 1000);
    }
    return this.date;
  }
}
