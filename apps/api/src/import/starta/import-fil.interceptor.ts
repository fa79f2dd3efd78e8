import {
  HttpException,
  Inject,
  Injectable,
  PayloadTooLargeException,
  ServiceUnavailableException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { AppConfig } from '#platform';
import { catchError, type Observable } from 'rxjs';
import { APP_CONFIG } from '../../config/config.module.js';
import { OgiltigImportfilError } from '../las-fil.js';
import { arFullDisk, FULL_DISK_MEDDELANDE } from '../uppladdning.js';

/**
 * Put before multer's FileInterceptor: its refusals (too large, another field, too many
 * parts) become the import's own 400 with a Swedish message, and a disk too full to take the
 * upload a 503 that says so.
 */
@Injectable()
export class ImportFilFelInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof PayloadTooLargeException)
          throw new OgiltigImportfilError(
            `Filen är större än ${Math.round(this.config.importMaxBytes / (1024 * 1024))} MB; dela upp den`,
          );
        if (error instanceof HttpException && error.getStatus() === 400)
          throw new OgiltigImportfilError(
            'Skicka en fil som multipart/form-data i fältet "fil" (och inget annat)',
          );
        if (arFullDisk(error))
          throw new ServiceUnavailableException(FULL_DISK_MEDDELANDE, { cause: error });
        throw error;
      }),
    );
  }
}
