import { Initial1732000000000 } from './1732000000000-Initial';
import { CalendarDays1732100000000 } from './1732100000000-CalendarDays';
import { Notifications1732200000000 } from './1732200000000-Notifications';
import { Supervision1732300000000 } from './1732300000000-Supervision';
import { StepClock1732400000000 } from './1732400000000-StepClock';
import { TimelineMilliseconds1732500000000 } from './1732500000000-TimelineMilliseconds';
import { Security1732600000000 } from './1732600000000-Security';
import { SupervisionOffice1732700000000 } from './1732700000000-SupervisionOffice';
import { MatterDependencies1732800000000 } from './1732800000000-MatterDependencies';
import { PostApprovalChecks1732900000000 } from './1732900000000-PostApprovalChecks';
import { Projects1733200000000 } from './1733200000000-Projects';
import { ApprovalPanels1733000000000 } from './1733000000000-ApprovalPanels';
import { JointReviews1733050000000 } from './1733050000000-JointReviews';
import { WindowChannels1733100000000 } from './1733100000000-WindowChannels';
import { AdminCatalogue1733300000000 } from './1733300000000-AdminCatalogue';
import { Notices1733450000000 } from './1733450000000-Notices';
import { WholeText1733600000000 } from './1733600000000-WholeText';
import { SignInFailures1733650000000 } from './1733650000000-SignInFailures';
import { CaseCopies1733700000000 } from './1733700000000-CaseCopies';
import { WordSearch1733800000000 } from './1733800000000-WordSearch';

export {
  Initial1732000000000, CalendarDays1732100000000, Notifications1732200000000, Supervision1732300000000, StepClock1732400000000,
  TimelineMilliseconds1732500000000, Security1732600000000, SupervisionOffice1732700000000, MatterDependencies1732800000000,
  PostApprovalChecks1732900000000, ApprovalPanels1733000000000, JointReviews1733050000000, WindowChannels1733100000000,
  Projects1733200000000, AdminCatalogue1733300000000, Notices1733450000000, WholeText1733600000000, SignInFailures1733650000000, CaseCopies1733700000000,
  WordSearch1733800000000,
};

/** In apply order; handed to the DataSource so no glob loading is needed under tsx. */
export const MIGRATIONS = [
  Initial1732000000000, CalendarDays1732100000000, Notifications1732200000000, Supervision1732300000000, StepClock1732400000000,
  TimelineMilliseconds1732500000000, Security1732600000000, SupervisionOffice1732700000000, MatterDependencies1732800000000,
  PostApprovalChecks1732900000000, ApprovalPanels1733000000000, JointReviews1733050000000, WindowChannels1733100000000,
  Projects1733200000000, AdminCatalogue1733300000000, Notices1733450000000, WholeText1733600000000, SignInFailures1733650000000, CaseCopies1733700000000,
  WordSearch1733800000000,
];
