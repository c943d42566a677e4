import { Initial1732000000000 } from './1732000000000-Initial';

export { Initial1732000000000 };

/** In apply order; handed to the DataSource so no glob loading is needed under tsx. */
export const MIGRATIONS = [Initial1732000000000];
