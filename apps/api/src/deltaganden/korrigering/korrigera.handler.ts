import type { DeltagandeCommand, DeltagandeContext, KorrigeraPersonuppgifter } from '#domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { DeltagandeCommands } from '../deltagande-commands.js';
import { KorrigeraCommand } from './korrigera.command.js';
import type { KorrigeraRequestDto } from './korrigera.request.dto.js';

/** Keeps only the fields that were sent: a correction carries what changes, nothing else. */
const sent = <T extends object>(fields: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<T>;

const toCommand = (body: KorrigeraRequestDto, context: DeltagandeContext): DeltagandeCommand => {
  const orsak = body.orsak.trim();
  switch (body.typ) {
    case 'remiss':
      return {
        type: 'KorrigeraRemiss',
        data: {
          orsak,
          ...sent({
            datum: body.datum,
            remittent: body.remittent,
            remittentEnhet: body.remittentEnhet,
          }),
        },
        context,
      };
    case 'inskrivning':
      return {
        type: 'KorrigeraInskrivning',
        data: {
          orsak,
          ...sent({
            datum: body.datum,
            forsorjning: body.forsorjning,
            utbildningsniva: body.utbildningsniva,
            tidIOffentligForsorjning: body.tidIOffentligForsorjning,
          }),
        },
        context,
      };
    case 'avslut':
      return {
        type: 'KorrigeraAvslut',
        data: {
          orsak,
          ...sent({
            datum: body.datum,
            avslutsorsak: body.avslutsorsak,
            forsorjning: body.forsorjning,
          }),
        },
        context,
      };
    case 'person':
      return { type: 'KorrigeraPersonuppgifter', data: personuppgifter(body), context };
  }
};

const personuppgifter = (body: KorrigeraRequestDto): KorrigeraPersonuppgifter['data'] => ({
  orsak: body.orsak.trim(),
  ...sent({ kon: body.kon, fodelsear: body.fodelsear, kommun: body.kommun }),
});

@CommandHandler(KorrigeraCommand)
export class KorrigeraHandler implements ICommandHandler<KorrigeraCommand> {
  constructor(private readonly deltaganden: DeltagandeCommands) {}

  execute({ deltagandeId, body, metadata }: KorrigeraCommand): Promise<CommandResponseDto> {
    // A registered person's kön and födelseår are corrected on all the person's deltaganden.
    if (body.typ === 'person')
      return this.deltaganden.korrigeraPersonuppgifter(
        deltagandeId,
        metadata,
        personuppgifter(body),
      );
    return this.deltaganden.execute(deltagandeId, metadata, (context) => toCommand(body, context));
  }
}
