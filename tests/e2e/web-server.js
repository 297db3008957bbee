// The built app for the journeys, from the server `npm start` runs (Brotli, the build's 404 page), on the port given.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { staticHandler } from '../../src/build/serve.js';

const port = Number(process.argv[2]);
const server = createServer(staticHandler(join(import.meta.dirname, '../../build')));
server.on('error', (error) => {
	console.error(`The journeys' server could not listen on port ${port}: ${error.message}`);
	process.exit(1);
});
server.listen(port);
