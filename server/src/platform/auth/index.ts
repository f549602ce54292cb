import { defineModule } from '../manifest.js';
import { authRoutes } from './routes.js';

export default defineModule({ name: 'auth', label: '登录与会话', permissions: [], routes: authRoutes });
