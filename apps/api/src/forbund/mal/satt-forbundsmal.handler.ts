import { forbundDecider, forbundStream } from '#domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { StreamCommandRunner } from '../../commands/stream-command-runner.js';
import { NotFoundError } from '../../http/application-errors.js';
import { ForbundetsGrupper } from '../forbundets-grupper.js';
import { SattForbundsmalCommand } from './satt-forbundsmal.command.js';

@CommandHandler(SattForbundsmalCommand)
export class SattForbundsmalHandler implements ICommandHandler<SattForbundsmalCommand> {
  constructor(
    private readonly streams: StreamCommandRunner,
    private readonly grupper: ForbundetsGrupper,
  ) {}

  async execute({
    grupp,
    malId,
    body,
    metadata,
  }: SattForbundsmalCommand): Promise<CommandResponseDto> {
    const { forbundId } = metadata.user;
    const loaded = await this.streams.load(forbundStream(forbundId), forbundDecider);
    // A retry is answered as it was the first time, whatever changed since.
    const earlier = this.streams.earlierResult(forbundId, loaded, metadata);
    if (earlier) return earlier;
    // A goal for a grupp no insats has would show nowhere in a report: most likely a typo.
    if (grupp !== null && !(await this.grupper.harGrupp(forbundId, grupp)))
      throw new NotFoundError(`Ingen av förbundets insatser hör till gruppen ${grupp}`);
    const { matt, fran, till, varde } = body;
    return this.streams.decideAndAppend(
      forbundStream(forbundId),
      forbundId,
      forbundDecider,
      loaded,
      { type: 'SattForbundsmal', data: { malId, grupp, matt, fran, till, varde } },
      metadata,
    );
  }
}
