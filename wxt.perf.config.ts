// TEMPORARY (perf profiling, bench owner): unminified build into /tmp; delete after use.
import base from './wxt.config';
export default { ...base, outDir: '/tmp/perfroot/.output', vite: () => ({ build: { minify: false } }) };
