/** The claims policy of the corpus (content/claim-policy.yaml), read and checked with its schema. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { claimPolicySchema, type ClaimPolicy } from '../schema/claim.ts';

export function readClaimPolicy(contentDir: string): ClaimPolicy {
  const file = path.join(contentDir, 'claim-policy.yaml');
  const parsed = claimPolicySchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `field "${i.path.join('.')}": ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
