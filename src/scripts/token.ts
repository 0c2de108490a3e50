import { parseArgs } from 'node:util';
import { TokenService } from '../auth/token.service.js';
import { ReferrerType, Role } from '../common/enums.js';
import { loadConfig } from '../config/app-config.js';

const USAGE = `Prints a development token.
  npm run token -- --role INTAKE --shelter <shelterId> [--shelter <id> ...]
  npm run token -- --role REFERRER --referrer-type POLICE [--organisation <id>]
  npm run token -- --role MUNICIPALITY --region <regionId>
  npm run token -- --role COORDINATOR | ADMIN
Options: --sub <subject> (default dev-<role>), --expires <e.g. 2h, 30m> (default 12h)`;

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      shelter: { type: 'string', multiple: true },
      region: { type: 'string' },
      organisation: { type: 'string' },
      'referrer-type': { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '12h' },
      help: { type: 'boolean' },
    },
  });
  const role = values.role?.toUpperCase();
  if (values.help || !role || !(role in Role)) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const referrerType = values['referrer-type']?.toUpperCase();
  if (referrerType && !(referrerType in ReferrerType)) {
    process.stderr.write(`unknown --referrer-type; one of ${Object.values(ReferrerType).join(', ')}\n`);
    process.exit(2);
  }
  const config = loadConfig();
  const token = await new TokenService(config).sign(
    {
      sub: values.sub ?? `dev-${role.toLowerCase()}`,
      role: role as Role,
      shelterIds: values.shelter ?? [],
      regionId: values.region,
      organisationId: values.organisation,
      referrerType: referrerType as ReferrerType | undefined,
    },
    values.expires,
  );
  process.stdout.write(`${token}\n`);
}

void main();
