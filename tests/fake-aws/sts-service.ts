import { randomUUID } from 'node:crypto';
import type { FakeResponse } from './logs-service';

/** STS GetCallerIdentity over the query protocol (form body in, XML out), as the SDK speaks it. */
export function handleStsRequest(body: string, accountId: string): FakeResponse {
  const params = new URLSearchParams(body);
  const requestId = randomUUID();
  if (params.get('Action') !== 'GetCallerIdentity') {
    return {
      status: 400,
      headers: { 'content-type': 'text/xml' },
      body: `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>Could not find operation ${params.get('Action')}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    };
  }
  return {
    status: 200,
    headers: { 'content-type': 'text/xml' },
    body:
      `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>` +
      `<Arn>arn:aws:iam::${accountId}:user/coldstart-tester</Arn><UserId>AIDAFAKEUSERID</UserId>` +
      `<Account>${accountId}</Account></GetCallerIdentityResult>` +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
  };
}
