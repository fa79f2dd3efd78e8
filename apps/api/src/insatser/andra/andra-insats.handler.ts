import { insatsDecider, insatsStream } from '#domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../commands/clock.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { StreamCommandRunner } from '../../commands/stream-command-runner.js';
import { BadRequestError } from '../../http/application-errors.js';
import { InsatsAccess } from '../insats-access.js';
import { AndraInsatsCommand } from './andra-insats.command.js';

const FALT = ['namn', 'utforare', 'malgrupp', 'grupp', 'ordning', 'slutdatum'] as const;

@CommandHandler(AndraInsatsCommand)
export class AndraInsatsHandler implements ICommandHandler<AndraInsatsCommand> {
  constructor(
    private readonly streams: StreamCommandRunner,
    private readonly access: InsatsAccess,
    private readonly clock: Clock,
  ) {}

  async execute({ insatsId, body, metadata }: AndraInsatsCommand): Promise<CommandResponseDto> {
    if (FALT.every((falt) => body[falt] === undefined))
      throw new BadRequestError(`Ange minst ett fält att ändra: ${FALT.join(', ')}`);
    const loaded = await this.access.loadInForbund(insatsId, metadata.user.forbundId);
    return this.streams.decideAndAppend(
      insatsStream(insatsId),
      insatsId,
      insatsDecider,
      loaded,
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
        context: { idag: this.clock.today() },
      },
      metadata,
    );
  }
}
