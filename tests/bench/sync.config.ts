/** `npm run bench:sync`: the sync benchmark, with the benchmark's server and limits (playwright.config.ts). */
import { defineConfig } from '@playwright/test';
import bench from './playwright.config';

export default defineConfig({ ...bench, testMatch: 'sync.bench.ts' });
