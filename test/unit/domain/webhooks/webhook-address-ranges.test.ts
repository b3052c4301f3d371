import fc from 'fast-check';
import { ValidationError } from '../../../../shared/domain/domain-errors';
import { classifyAddress } from '../../../../shared/domain/webhooks/webhook-address-ranges';
import { assertDeliverableAddress, checkWebhookUrl } from '../../../../shared/domain/webhooks/webhook-target-policy';

const deployed = { allowInsecureLocal: false };
const local = { allowInsecureLocal: true };

/** Any address of an IPv4 block, as its four octets. */
const addressIn = (firstOctet: number) =>
  fc.tuple(fc.constant(firstOctet), fc.nat(255), fc.nat(255), fc.nat(255));
const dotted = (octets: number[]) => octets.join('.');
const asInteger = (octets: number[]) => octets.reduce((value, octet) => value * 256 + octet, 0);

describe('classifyAddress', () => {
  it.each([
    ['93.184.216.34', 'public'],
    ['2606:4700::1111', 'public'],
    ['64:ff9b::5db8:d822', 'public'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['10.20.30.40', 'private'],
    ['::ffff:192.168.1.1', 'private'],
    ['169.254.1.1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['100.100.1.1', 'carrierGradeNat'],
    ['224.0.0.251', 'multicast'],
    ['ff05::1:3', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['198.18.0.1', 'reserved'],
    ['2001::1', 'reserved'],
    ['64:ff9b:1::a00:1', 'reserved'],
    ['fd12:3456:789a::1', 'uniqueLocal'],
    ['::ffff:8.8.8.8', 'ipv4Mapped'],
  ])('classifies %s as %s', (ip, range) => {
    // Act
    const classified = classifyAddress(ip);

    // Assess
    expect(classified).toBe(range);
  });

  it('refuses to classify a host name', () => {
    // Act
    const classify = () => classifyAddress('hooks.example.com');

    // Assess
    expect(classify).toThrow(ValidationError);
  });
});

describe('every address of 10.0.0.0/8 and 127.0.0.0/8', () => {
  it('is refused as an address a host resolves to on a deployed stage', () => {
    // Assess
    fc.assert(
      fc.property(fc.oneof(addressIn(10), addressIn(127)), (octets) => {
        expect(() => assertDeliverableAddress(dotted(octets), deployed)).toThrow(ValidationError);
      }),
    );
  });

  it('is refused, for 10.0.0.0/8, as an address a host resolves to on the local stack too', () => {
    // Assess
    fc.assert(
      fc.property(addressIn(10), (octets) => {
        expect(() => assertDeliverableAddress(dotted(octets), local)).toThrow(ValidationError);
      }),
    );
  });

  it('is refused as the host of a URL in dotted-decimal on a deployed stage', () => {
    // Assess
    fc.assert(
      fc.property(fc.oneof(addressIn(10), addressIn(127)), (octets) => {
        expect(() => checkWebhookUrl(`https://${dotted(octets)}/hooks`, deployed)).toThrow(ValidationError);
      }),
    );
  });

  it('is refused as the host of a URL written as one decimal or hexadecimal number', () => {
    // Assess
    fc.assert(
      fc.property(fc.oneof(addressIn(10), addressIn(127)), fc.boolean(), (octets, hex) => {
        const value = asInteger(octets);
        const host = hex ? `0x${value.toString(16)}` : String(value);
        expect(() => checkWebhookUrl(`https://${host}/hooks`, deployed)).toThrow(ValidationError);
      }),
    );
  });
});
