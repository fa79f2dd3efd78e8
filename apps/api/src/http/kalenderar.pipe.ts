import { Injectable, type PipeTransform } from '@nestjs/common';
import { BadRequestError } from './application-errors.js';

export const MIN_AR = 2000;
export const MAX_AR = 2100;

/** A calendar year in the path (`…/ekonomi/2025`): four digits, 2000–2100, else 400. */
@Injectable()
export class ParseKalenderarPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const ar = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(ar >= MIN_AR && ar <= MAX_AR)) {
      throw new BadRequestError(`Ogiltigt år i adressen: ett år ${MIN_AR}–${MAX_AR} förväntas`, [
        { field: 'ar', errors: [`ar måste vara ett år från ${MIN_AR} till och med ${MAX_AR}`] },
      ]);
    }
    return ar;
  }
}
