import { DomainError, type DeltagandeContext, type RegistreraRemiss } from '#domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../commands/clock.js';
import type { CommandMetadata } from '../../commands/command-metadata.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { PersonUpptagenError } from '../../personer/person-lock.js';
import { PersonVault } from '../../personer/person-vault.js';
import { personContext } from '../../personer/personens-deltaganden.js';
import { normalizePersonnummer } from '../../personer/personnummer.js';
import { DeltagandeCommands } from '../deltagande-commands.js';
import { RegistreraDeltagandeCommand } from './registrera-deltagande.command.js';
import type { PersonDto } from './registrera-deltagande.request.dto.js';

const PERSON_BORTTAGEN = Symbol('person borttagen');
const MAX_ATTEMPTS = 3;

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
    const command = (
      personId: string | null,
      personensContext: Partial<DeltagandeContext> = {},
    ): RegistreraRemiss => ({
      type: 'RegistreraRemiss',
      data: {
        deltagandeId,
        insatsId,
        datum: body.remiss.datum,
        remittent: body.remiss.remittent,
        remittentEnhet: body.remiss.remittentEnhet?.trim() || null,
        person: { kon, fodelsear, kommun, personId },
        ...(body.inskrivning ? { inskrivning: { ...body.inskrivning } } : {}),
      },
      context: { ...context, ...personensContext },
    });
    const { personnummer } = body.person;
    if (!personnummer) {
      this.refuseNamnWithoutPersonnummer(body.person);
      return this.deltaganden.start(deltagandeId, metadata, command(null));
    }
    for (let attempt = 1; ; attempt++) {
      const { personId, created } = await this.registerPerson(personnummer, body.person, metadata);
      const result = await this.deltaganden.forPerson(personId, async (deltaganden) => {
        // A concurrent registration that created the person and was refused may have removed it.
        if (!(await this.vault.exists(personId, metadata.user.forbundId))) return PERSON_BORTTAGEN;
        try {
          return await this.deltaganden.start(
            deltagandeId,
            metadata,
            command(personId, personContext(deltaganden, insatsId)),
          );
        } catch (error) {
          // Nothing half-stored: a person that only this refused command brought is forgotten.
          if (created && deltaganden.length === 0) await this.vault.forget(personId);
          throw error;
        }
      });
      if (result !== PERSON_BORTTAGEN) return result;
      if (attempt === MAX_ATTEMPTS) throw new PersonUpptagenError();
    }
  }

  private refuseNamnWithoutPersonnummer(person: PersonDto): void {
    if (person.namn || person.samtycke) {
      throw new DomainError(
        'PERSON.PERSONNUMMER_SAKNAS',
        'Namn och samtycke registreras bara tillsammans med personnummer',
      );
    }
  }

  private async registerPerson(
    personnummer: string,
    person: PersonDto,
    metadata: CommandMetadata,
  ): Promise<{ personId: string; created: boolean }> {
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
        personnummer: normalizePersonnummer(personnummer),
        namn: person.namn?.trim() ?? null,
      },
      person.samtycke.datum,
    );
  }
}
