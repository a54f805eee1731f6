/**
 * The one public entry point: the site bucket through Origin Access Control, `/api/*` to the
 * HTTP API (never cached, every viewer header but Host forwarded), the same security headers the
 * local site server sends (functions/render/site/security-headers.ts), HTTPS only, access logs to the log bucket.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeNag } from './nag.js';
import { SECURITY_POLICY, contentSecurityPolicy } from '../../functions/render/site/security-headers.js';
import { DIRECTORY_INDEX_CODE } from './directory-index.js';
import type { SiteDomain } from '../stage-config.js';

export const API_PATH_PATTERN = '/api/*';

export interface SiteDistributionProps {
  /** the site bucket, imported by name: its policy (stateful stack) already admits CloudFront */
  siteBucket: IBucket;
  /** standard access logs go here under `cloudfront/` */
  logBucket: IBucket;
  /** the HTTP API's execute-api domain name */
  apiDomainName: string;
  /** origins the form fetches from besides its own (the private bucket's uploads). @default none */
  connectSources?: string[];
  /** @default PriceClass.PRICE_CLASS_200 */
  priceClass?: PriceClass;
  /** @default the distribution's own `*.cloudfront.net` name and certificate */
  domain?: SiteDomain;
  /** an AWS WAF web ACL (scope CLOUDFRONT, us-east-1) to attach. @default none */
  webAclArn?: string;
}

const REFERRER: Record<string, HeadersReferrerPolicy> = {
  'strict-origin-when-cross-origin': HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
  'no-referrer': HeadersReferrerPolicy.NO_REFERRER,
  'same-origin': HeadersReferrerPolicy.SAME_ORIGIN,
};

export class SiteDistribution extends Construct {
  readonly distribution: Distribution;
  readonly responseHeadersPolicy: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: SiteDistributionProps) {
    super(scope, id);
    const referrerPolicy = REFERRER[SECURITY_POLICY.referrerPolicy];
    if (!referrerPolicy) throw new Error(`no CloudFront referrer policy for ${SECURITY_POLICY.referrerPolicy}`);
    if (SECURITY_POLICY.frameOption !== 'DENY') throw new Error('frame option other than DENY not mapped');

    this.responseHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'nianbao: same headers as the local site server',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.connectSources ?? []), override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(SECURITY_POLICY.hstsMaxAgeSeconds),
          includeSubdomains: SECURITY_POLICY.hstsIncludeSubdomains,
          preload: SECURITY_POLICY.hstsPreload,
          override: true,
        },
      },
    });

    const directoryIndex = new CloudFrontFunction(this, 'DirectoryIndex', {
      code: FunctionCode.fromInline(DIRECTORY_INDEX_CODE),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'directory URLs to index.html',
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'nianbao site and API',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: props.priceClass ?? PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      ...(props.domain
        ? {
            domainNames: [props.domain.domainName],
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
          }
        : {}),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(props.siteBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.responseHeadersPolicy,
        compress: true,
        functionAssociations: [{ function: directoryIndex, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        [API_PATH_PATTERN]: {
          origin: new HttpOrigin(props.apiDomainName, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
          // API calls carry tokens: never redirect them over plain HTTP, refuse instead.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.responseHeadersPolicy,
          compress: true,
        },
      },
    });
    acknowledgeNag(this.distribution, 'CFR1', 'reports are public information for every reader, in China and abroad: no geo restriction');
    if (!props.webAclArn) {
      acknowledgeNag(
        this.distribution,
        'CFR2',
        'no WAF by default (a web ACL costs at least 6 USD a month at idle): the site is static, the API is throttled and token-checked; set -c webAclArn=… to attach one',
      );
    }
    if (!props.domain) {
      acknowledgeNag(
        this.distribution,
        'CFR4',
        'with the default *.cloudfront.net certificate CloudFront fixes the TLS policy; with a custom domain (-c domainName, -c certificateArn) TLSv1.2_2021 applies',
      );
    }
    Validations.of(this).acknowledge({
      id: '@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
      reason: 'the stateful stack grants CloudFront read on the site bucket (a policy here would make the stacks depend on each other)',
    });
  }
}
