import { DomainError } from '#domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../commands/clock.js';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { PersonVault } from '../../personer/person-vault.js';
import { normalizePersonnummer } from '../../personer/personnummer.js';
import { DeltagandeCommands } from '../deltagande-commands.js';
import { RegistreraDeltagandeCommand } from './registrera-deltagande.command.js';
import type { PersonDto } from './registrera-deltagande.request.dto.js';

@CommandHandler(RegistreraDeltagandeCommand)
export class RegistreraDeltagandeHandler implements ICommandHandler<RegistreraDeltagandeCommand> {
  constructor(
    private readonly deltaganden: DeltagandeCommands,
    private readonly vault: PersonVault,
    private readonly clock: Clock,
  ) {}

  async execute({
    insatsId,
    body,
    metadata,
  }: RegistreraDeltagandeCommand): Promise<CommandResponseDto> {
    const deltagandeId = randomUUID();
    // Only the opaque personId reaches the events; personnummer and namn stay in the vault.
    const { kon, fodelsear, kommun } = body.person;
    // Access is checked before any personal data is stored.
    const context = await this.deltaganden.contextFor(insatsId, metadata);
    const registered = await this.registerPerson(body.person, metadata);
    try {
      return await this.deltaganden.start(deltagandeId, metadata, {
        type: 'RegistreraRemiss',
        data: {
          deltagandeId,
          insatsId,
          datum: body.remiss.datum,
          remittent: body.remiss.remittent,
          remittentEnhet: body.remiss.remittentEnhet?.trim() || null,
          person: { kon, fodelsear, kommun, personId: registered?.personId ?? null },
          ...(body.inskrivning ? { inskrivning: { ...body.inskrivning } } : {}),
        },
        context: registered
          ? await this.deltaganden.withOpenDeltagandeCheck(context, registered.personId)
          : context,
      });
    } catch (error) {
      if (registered?.created) await this.vault.forget(registered.personId);
      throw error;
    }
  }

  private async registerPerson(
    person: PersonDto,
    metadata: CommandMetadata,
  ): Promise<{ personId: string; created: boolean } | undefined> {
    if (!person.personnummer) {
      if (person.namn || person.samtycke) {
        throw new DomainError(
          'PERSON.PERSONNUMMER_SAKNAS',
          'Namn och samtycke registreras bara tillsammans med personnummer',
        );
      }
      return undefined;
    }
    if (!person.samtycke) {
      throw new DomainError(
        'PERSON.SAMTYCKE_SAKNAS',
        'Personnummer och namn får bara registreras med personens samtycke (samtycke.datum)',
      );
    }
    if (person.samtycke.datum > this.clock.today()) {
      throw new DomainError(
        'PERSON.SAMTYCKE_I_FRAMTIDEN',
        'Samtyckets datum kan inte ligga i framtiden',
      );
    }
    return this.vault.register(
      metadata.user.forbundId,
      {
        personnummer: normalizePersonnummer(person.personnummer),
        namn: person.namn?.trim() ?? null,
      },
      person.samtycke.datum,
    );
  }
}
