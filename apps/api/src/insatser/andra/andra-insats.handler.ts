import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../commands/clock.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { BadRequestError } from '../../http/application-errors.js';
import { InsatsensDeltaganden } from '../avslut/insatsens-deltaganden.js';
import { InsatsAccess } from '../insats-access.js';
import { AndraInsatsCommand } from './andra-insats.command.js';

const FALT = ['namn', 'utforare', 'malgrupp', 'grupp', 'ordning', 'slutdatum'] as const;

@CommandHandler(AndraInsatsCommand)
export class AndraInsatsHandler implements ICommandHandler<AndraInsatsCommand> {
  constructor(
    private readonly access: InsatsAccess,
    private readonly clock: Clock,
    private readonly deltaganden: InsatsensDeltaganden,
  ) {}

  async execute({ insatsId, body, metadata }: AndraInsatsCommand): Promise<CommandResponseDto> {
    if (FALT.every((falt) => body[falt] === undefined))
      throw new BadRequestError(`Ange minst ett fält att ändra: ${FALT.join(', ')}`);
    // Only a new slutdatum needs the deltaganden (it waits for the read model to catch up).
    const senasteDeltagandedatum =
      typeof body.slutdatum === 'string'
        ? (await this.deltaganden.lage(insatsId)).senasteDatum
        : undefined;
    return this.access.decide(
      insatsId,
      {
        type: 'AndraInsats',
        data: {
          namn: body.namn,
          utforare: body.utforare,
          malgrupp: body.malgrupp,
          grupp: body.grupp,
          ordning: body.ordning,
          slutdatum: body.slutdatum,
        },
        context: { idag: this.clock.today(), senasteDeltagandedatum },
      },
      metadata,
    );
  }
}
