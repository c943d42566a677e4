// The Temporal server runs with the same dynamic config everywhere: the embedded dev server of
// `npm start` by its flags, a compose cluster by the file docker-compose.yml mounts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { dynamicConfigFlags, SERVER_DYNAMIC_CONFIG } from '../../config/temporal-server';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

describe('the Temporal server\'s dynamic config', () => {
  it('when the dev server is started, then each setting is one --dynamic-config-value KEY=JSON flag', () => {
    expect(dynamicConfigFlags()).to.deep.equal(['--dynamic-config-value', 'system.enableActivityEagerExecution=true']);
    expect(Object.keys(SERVER_DYNAMIC_CONFIG)).to.have.length(dynamicConfigFlags().length / 2);
  });

  it('when compose runs a cluster, then it mounts a file with every setting at its value', () => {
    const file = read('deploy/temporal/dynamic-config.yaml');
    for (const [key, value] of Object.entries(SERVER_DYNAMIC_CONFIG)) {
      expect(file, key).to.match(new RegExp(`^${key.replace(/\./g, '\\.')}:\\n {2}- value: ${JSON.stringify(value)}$`, 'm'));
    }
    const compose = read('docker-compose.yml');
    const mount = /- \.\/deploy\/temporal\/dynamic-config\.yaml:(\S+):ro/.exec(compose);
    expect(mount, 'the volume').to.not.equal(null);
    expect(compose).to.include(`DYNAMIC_CONFIG_FILE_PATH: ${mount![1]}`);
  });
});
