import { Module } from '@nestjs/common';
import { Clock } from '../commands/clock.js';
import { StatistikModule } from '../statistik/statistik.module.js';
import { DatakvalitetController } from './datakvalitet.controller.js';
import { DatakvalitetHandler } from './datakvalitet.query.js';

/** How well the registrations are kept: what to fix before the numbers go out. */
@Module({
  imports: [StatistikModule],
  controllers: [DatakvalitetController],
  providers: [DatakvalitetHandler, Clock],
})
export class DatakvalitetModule {}
