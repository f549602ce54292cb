import { defineModule } from '../manifest.js';
import { filesRoutes } from './routes.js';

/**
 * Attachments. No permissions of its own: each file is guarded by its owning record's permissions,
 * which modules declare as `fileOwners` in their manifests.
 */
export default defineModule({
  name: 'files',
  label: '附件',
  permissions: [],
  routes: filesRoutes,
});
