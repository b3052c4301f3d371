import { loadSettings } from '../../../shared/composition/settings';

describe('loadSettings', () => {
  it('names the control table after the stage when none is configured', () => {
    // Act
    const settings = loadSettings({ ORDO_STAGE: 'qa' });

    // Assess
    expect(settings.controlTableName).toBe('ordo-qa-control');
  });

  it('uses the configured control table name as it is', () => {
    // Act
    const settings = loadSettings({ ORDO_STAGE: 'qa', ORDO_CONTROL_TABLE: 'shared-control' });

    // Assess
    expect(settings.controlTableName).toBe('shared-control');
  });

  it.each([undefined, 'true', 'TRUE', '0', ''])('keeps point-in-time recovery on when ORDO_ACCOUNT_TABLE_PITR is %p', (value) => {
    // Act
    const settings = loadSettings({ ORDO_ACCOUNT_TABLE_PITR: value });

    // Assess
    expect(settings.accountTablePointInTimeRecovery).toBe(true);
  });

  it('turns point-in-time recovery off only for the value false', () => {
    // Act
    const settings = loadSettings({ ORDO_ACCOUNT_TABLE_PITR: 'false' });

    // Assess
    expect(settings.accountTablePointInTimeRecovery).toBe(false);
  });

  it('leaves the operator key hash and its parameter empty, which disables operator routes, when none is set', () => {
    // Act
    const settings = loadSettings({});

    // Assess
    expect([settings.operatorKeyHash, settings.operatorKeyParameter]).toEqual(['', '']);
  });

  it('reads the body size limit as a number of bytes', () => {
    // Act
    const settings = loadSettings({ ORDO_MAX_BODY_BYTES: '1024' });

    // Assess
    expect(settings.maxBodyBytes).toBe(1024);
  });

  it('falls back to a positive body size limit when none is set', () => {
    // Act
    const settings = loadSettings({});

    // Assess
    expect(settings.maxBodyBytes).toBeGreaterThan(0);
    expect(Number.isInteger(settings.maxBodyBytes)).toBe(true);
  });

  it('takes the region from AWS_REGION', () => {
    // Act
    const settings = loadSettings({ AWS_REGION: 'ap-southeast-2' });

    // Assess
    expect(settings.region).toBe('ap-southeast-2');
  });
});

describe('loadSettings limits', () => {
  it('refuses a body limit that is not a positive number instead of switching it off', () => {
    // Act
    const load = () => loadSettings({ ORDO_MAX_BODY_BYTES: 'lots' });

    // Assess
    expect(load).toThrow('ORDO_MAX_BODY_BYTES');
  });

  it('allows 20 relays in a chain of events when ORDO_HOP_LIMIT is not set', () => {
    // Act
    const settings = loadSettings({});

    // Assess
    expect(settings.hopLimit).toBe(20);
  });

  it('reads the hop limit from ORDO_HOP_LIMIT', () => {
    // Act
    const settings = loadSettings({ ORDO_HOP_LIMIT: '3' });

    // Assess
    expect(settings.hopLimit).toBe(3);
  });

  it('refuses a hop limit of 0 or less instead of stopping every relay', () => {
    // Act
    const load = () => loadSettings({ ORDO_HOP_LIMIT: '-1' });

    // Assess
    expect(load).toThrow('ORDO_HOP_LIMIT');
  });

  it('names the inventory batch queue and the import drop bucket after the stage when none is configured', () => {
    // Act
    const settings = loadSettings({ ORDO_STAGE: 'qa' });

    // Assess
    expect([settings.inventoryQueueName, settings.importBucket]).toEqual(['ordo-qa-inventory-batches', 'ordo-qa-imports']);
  });

  it('uses the configured inventory queue and import bucket as they are', () => {
    // Act
    const settings = loadSettings({ ORDO_INVENTORY_QUEUE_NAME: 'stock-chunks', ORDO_IMPORT_BUCKET: 'drop-bucket' });

    // Assess
    expect([settings.inventoryQueueName, settings.importBucket]).toEqual(['stock-chunks', 'drop-bucket']);
  });

  it.each([undefined, '', 'TRUE', '1', 'yes'])('keeps webhooks to https and public addresses when ORDO_WEBHOOK_ALLOW_INSECURE_LOCAL is %p', (value) => {
    // Act
    const settings = loadSettings({ ORDO_WEBHOOK_ALLOW_INSECURE_LOCAL: value });

    // Assess
    expect(settings.webhookAllowInsecureLocal).toBe(false);
  });

  it('lets webhooks reach local http servers only when ORDO_WEBHOOK_ALLOW_INSECURE_LOCAL is true', () => {
    // Act
    const settings = loadSettings({ ORDO_WEBHOOK_ALLOW_INSECURE_LOCAL: 'true' });

    // Assess
    expect(settings.webhookAllowInsecureLocal).toBe(true);
  });

  it('maps no account table to a relay function unless one is named', () => {
    // Act
    const settings = loadSettings({ ORDO_STAGE: 'qa' });

    // Assess
    expect(settings.relayFunctionArn).toBe('');
  });

  it('names the outbox dead-letter queue after the stage when none is configured', () => {
    // Act
    const settings = loadSettings({ ORDO_STAGE: 'qa' });

    // Assess
    expect(settings.outboxDlqName).toBe('ordo-qa-outbox-dlq');
  });

  it('names the webhooks queue and its DLQ after the stage when none is configured', () => {
    // Act
    const settings = loadSettings({ ORDO_STAGE: 'qa' });

    // Assess
    expect([settings.webhookQueueName, settings.webhookDeadLetterQueueName]).toEqual(['ordo-qa-webhooks', 'ordo-qa-webhooks-dlq']);
  });
});
