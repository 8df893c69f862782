/**
 * The `region` of a profile: package.json's schema pattern (what the settings editor checks) is the
 * extension's own pattern (what a script's profile is checked with), and it accepts every real
 * Huawei Cloud region id and the local server's, while refusing what is not a region id.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { huaweiRegions, regionIdPattern } from '../../src/profiles/regions';

const root = path.resolve(__dirname, '..', '..', '..');

interface RegionSchema {
  pattern?: string;
  patternErrorMessage?: string;
}

function regionSchema(): RegionSchema {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    contributes: {
      configuration: {
        properties: Record<string, { items?: { properties?: Record<string, RegionSchema> } }>;
      };
    };
  };
  const region = pkg.contributes.configuration.properties['ecsMetadata.profiles'].items?.properties?.region;
  assert.ok(region, 'ecsMetadata.profiles items have a region property');
  return region;
}

describe('region id pattern', () => {
  it('is the same in package.json and in the extension, with a localized error message', () => {
    const schema = regionSchema();
    assert.equal(schema.pattern, regionIdPattern.source);
    assert.equal(schema.patternErrorMessage, '%config.profiles.region.patternError%');
  });

  it('accepts real Huawei Cloud region ids and the local sample region', () => {
    const pattern = new RegExp(regionSchema().pattern ?? '(?!)');
    const ids = [
      ...huaweiRegions,
      'cn-north-4',
      'ap-southeast-1',
      'eu-west-101',
      'my-kualalumpur-1',
      'ae-ad-1',
      'af-north-1',
      'la-north-2',
      'na-mexico-1',
      'local-1',
    ];
    assert.deepEqual(
      ids.filter((id) => !pattern.test(id)),
      [],
    );
  });

  it('refuses what is not a region id', () => {
    const pattern = new RegExp(regionSchema().pattern ?? '');
    const notIds = [
      '',
      'cn-north',
      'CN-North-4',
      'cn_north_4',
      'cn-north-4 ',
      'https://ecs.cn-north-4',
      'c-1',
    ];
    assert.deepEqual(
      notIds.filter((id) => pattern.test(id)),
      [],
    );
  });
});
