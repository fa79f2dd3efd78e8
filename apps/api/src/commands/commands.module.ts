import { Module } from '@nestjs/common';
import { Clock } from './clock.js';
import { StreamCommandRunner } from './stream-command-runner.js';

@Module({
  providers: [StreamCommandRunner, Clock],
  exports: [StreamCommandRunner, Clock],
})
export class CommandsModule {}
