// Jest setup file: the Temporal SDK logs only warnings and errors during tests.
import { installSdkLogger } from '../../worker/sdkLogger';
import { createLogger } from '../../server/logger';

installSdkLogger(createLogger('temporal-sdk', 'warn'));
