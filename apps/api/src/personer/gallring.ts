import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '#platform';
import { APP_CONFIG } from '../config/config.module.js';
import { Clock } from '../commands/clock.js';
import { PersonVault } from './person-vault.js';

/** Recorded as the user of erasures made by gallring. */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';
const DAY_MS = 24 * 60 * 60 * 1000;

const monthsBefore = (date: string, months: number): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(
    Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0),
  ).getUTCDate();
  shifted.setUTCDate(Math.min(day, lastDay));
  return shifted.toISOString().slice(0, 10);
};

/**
 * Gallring: personal data is erased GALLRING_MANADER months after the person's last
 * deltagande ended (avslut, återremiss or makulering), once none is open. Runs at start and
 * daily; also `npm run cli -- gallring`.
 */
@Injectable()
export class Gallring implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Gallring');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: PersonVault,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const run = (): void => {
      this.run().catch((error: unknown) =>
        this.logger.error(
          'Gallringen misslyckades',
          error instanceof Error ? error.stack : undefined,
        ),
      );
    };
    run();
    this.timer = setInterval(run, DAY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Erases every person due for gallring; returns how many. */
  async run(): Promise<number> {
    const cutoff = monthsBefore(this.clock.today(), this.config.gallringManader);
    const due: { id: string; forbund_id: string }[] = await this.dataSource.query(
      `SELECT p.id, p.forbund_id FROM person p
       WHERE p.erased_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM deltagande d WHERE d.person_id = p.id::text
                         AND d.status IN ('remitterad', 'inskriven'))
         AND coalesce(
               (SELECT max(coalesce(d.avslut_datum, d.state->'aterremiss'->>'datum',
                                    to_char(d.updated_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD')))
                FROM deltagande d WHERE d.person_id = p.id::text),
               to_char(p.created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD')) < $1`,
      [cutoff],
    );
    for (const person of due) {
      await this.vault.erase(person.id, person.forbund_id, {
        userId: SYSTEM_USER_ID,
        handling: 'gallrad',
      });
    }
    if (due.length > 0) this.logger.log(`Gallrade personuppgifter för ${due.length} personer`);
    return due.length;
  }
}
