import { defineModule } from '../manifest.js';
import { mailPending } from './mail.js';
import { notificationRoutes } from './routes.js';

export { notify, type Notice } from './service.js';

/** 站内消息: modules write them with notify() in their own transactions; users read their own. */
export default defineModule({
  name: 'notifications',
  label: '站内消息',
  permissions: [],
  routes: notificationRoutes,
  jobs: [
    {
      name: 'notifications.mail',
      everyMinutes: 5,
      run: async (platform) => {
        const r = await mailPending(platform);
        if (r.sent || r.failed) platform.log.info(r, 'notification mail');
      },
    },
  ],
});
