import { systemClock } from '../adapters/clock/system-clock';
import type { ScheduledRelease } from '../domain/orchestration/release-scheduled-events';
import { containerPart } from './account-context';
import { controlPlane } from './control-plane';
import { orchestrationOf } from './orchestration';

const build = (): ScheduledRelease => ({ controlPlane: controlPlane(), orchestrationOf, clock: systemClock });

/** What the sweep of due scheduled events reads: every account of the control plane, and each one's orchestration. */
export const scheduledRelease = (): ScheduledRelease => containerPart(build);
