import { loadConfig, type Config } from '../config.js';

/** The configuration every test runs with; the fixed field key lets every clone read the template's data. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      FAZHI_FIELD_KEY: '0123456789abcdef0123456789abcdef',
      FAZHI_LOG_LEVEL: 'silent',
      DATA_DIR: '/nonexistent',
    }),
    ...overrides,
  };
}
