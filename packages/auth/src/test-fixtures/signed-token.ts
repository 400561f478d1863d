import { SignJWT, type CryptoKey } from "jose";

export interface TokenToSign {
  key: CryptoKey;
  kid: string;
  issuer: string;
  audience: string;
  subject: string;
  /** Default `5m`. */
  expiresIn?: string;
}

/** An ES256 access token for `runbooks:read`, issued now, as an identity provider signs one. */
export function signedToken({ key, kid, issuer, audience, subject, expiresIn = "5m" }: TokenToSign): Promise<string> {
  return new SignJWT({ scope: "runbooks:read" })
    .setProtectedHeader({ alg: "ES256", kid })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);
}
