// The profile this build was made for (chosen at build time by mode; see wxt.config.ts).
import { profileForBuild, type ProviderProfile } from './profile';

export const activeProfile: ProviderProfile = profileForBuild(
  import.meta.env.MODE,
  import.meta.env.WXT_DEMO_PORT,
  import.meta.env.WXT_ROUNDCUBE_PORT,
);
