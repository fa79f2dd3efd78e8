import { DomainError, type DeltagandeContext, type RegistreraRemiss } from '#domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../commands/clock.js';
import type { CommandResponseDto } from '../../commands/command-response.dto.js';
import { PersonLock } from '../../personer/person-lock.js';
import { PersonVault } from '../../personer/person-vault.js';
import { PersonensDeltaganden, personContext } from '../../personer/personens-deltaganden.js';
import { normalizePersonnummer } from '../../personer/personnummer.js';
import { DeltagandeCommands } from '../deltagande-commands.js';
import { RegistreraDeltagandeCommand } from './registrera-deltagande.command.js';
import type { PersonDto } from './registrera-deltagande.request.dto.js';

@CommandHandler(RegistreraDeltagandeCommand)
export class RegistreraDeltagandeHandler implements ICommandHandler<RegistreraDeltagandeCommand> {
  constructor(
    private readonly deltaganden: DeltagandeCommands,
    private readonly vault: PersonVault,
    private readonly personLock: PersonLock,
    private readonly personens: PersonensDeltaganden,
    private readonly clock: Clock,
  ) {}

  async execute({
    insatsId,
    body,
    metadata,
  }: RegistreraDeltagandeCommand): Promise<CommandResponseDto> {
    // Fixed by an Idempotency-Key, so a retry creates (or finds) the same deltagande.
    const deltagandeId = metadata.newId;
    // Only the opaque personId reaches the events; personnummer and namn stay in the vault.
    const { kon, fodelsear, kommun } = body.person;
    // Access is checked before any personal data is stored.
    await this.deltaganden.contextFor(insatsId, metadata);
    const command =
      (personId: string | null, personensContext: Partial<DeltagandeContext> = {}) =>
      (context: DeltagandeContext): RegistreraRemiss => ({
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
      return this.deltaganden.start(deltagandeId, metadata, insatsId, command(null));
    }
    const samtycke = this.requireSamtycke(body.person);
    const nummer = normalizePersonnummer(personnummer);
    const { forbundId } = metadata.user;
    // Registrations of one personnummer take turns from before the person is found or created.
    return this.personLock.run(this.vault.lockKey(forbundId, nummer), async () => {
      const { personId, created } = await this.vault.register(
        forbundId,
        { personnummer: nummer, namn: body.person.namn?.trim() ?? null },
        samtycke.datum,
      );
      try {
        const deltaganden = await this.personens.read(personId);
        return await this.deltaganden.start(
          deltagandeId,
          metadata,
          insatsId,
          command(personId, personContext(deltaganden, insatsId)),
        );
      } catch (error) {
        // Nothing half-stored. A person created under this lock has no deltagande yet, and no
        // other registration can have found it, so it is forgotten with the refused command.
        if (created) await this.vault.forget(personId);
        throw error;
      }
    });
  }

  private refuseNamnWithoutPersonnummer(person: PersonDto): void {
    if (person.namn || person.samtycke) {
      throw new DomainError(
        'PERSON.PERSONNUMMER_SAKNAS',
        'Namn och samtycke registreras bara tillsammans med personnummer',
      );
    }
  }

  private requireSamtycke(person: PersonDto): { datum: string } {
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
    return person.samtycke;
  }
}
