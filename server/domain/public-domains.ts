// Public (free) mail providers: an address at one of them says nothing about the company behind
// it, so lookup never matches a customer by such a domain, only by the exact contact address.

const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'passport.com',
  'yahoo.com', 'ymail.com', 'rocketmail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'aim.com',
  'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'tutanota.com', 'tuta.io', 'zoho.com',
  'zohomail.com', 'fastmail.com', 'hey.com', 'web.de', 'mail.com', 'email.com', 'usa.com', 'gmx.com',
  'mail.ru', 'inbox.ru', 'list.ru', 'bk.ru', 'rambler.ru', 'ya.ru', 'qq.com', 'foxmail.com', '163.com',
  '126.com', 'yeah.net', 'sina.com', 'sohu.com', 'aliyun.com', 'naver.com', 'daum.net', 'hanmail.net',
  'rediffmail.com', 't-online.de', 'freenet.de', 'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net',
  'sfr.fr', 'libero.it', 'virgilio.it', 'tiscali.it', 'seznam.cz', 'wp.pl', 'o2.pl', 'interia.pl',
  'onet.pl', 'bluewin.ch', 'btinternet.com', 'sky.com', 'comcast.net', 'verizon.net', 'att.net',
  'sbcglobal.net', 'cox.net', 'bellsouth.net', 'shaw.ca', 'rogers.com', 'bigpond.com', 'optusnet.com.au',
  'xtra.co.nz', 'uol.com.br', 'bol.com.br', 'terra.com.br',
]);

// Providers with a domain per country (gmx.de, yahoo.co.uk, hotmail.fr, yandex.ru, live.com.au).
const PUBLIC_MAIL_PROVIDERS = new Set(['gmx', 'yahoo', 'hotmail', 'outlook', 'live', 'yandex', 'windowslive']);
const COUNTRY_SUFFIX = /^(?:(?:co|com|net|org)\.)?[a-z]{2,3}$/;

export function isPublicMailDomain(domain: string): boolean {
  const name = domain.toLowerCase();
  if (PUBLIC_MAIL_DOMAINS.has(name)) return true;
  const dot = name.indexOf('.');
  return dot > 0 && PUBLIC_MAIL_PROVIDERS.has(name.slice(0, dot)) && COUNTRY_SUFFIX.test(name.slice(dot + 1));
}

/**
 * The domains an address may be matched by: its own and each parent short of the top level
 * (billing.eu.contoso.com → billing.eu.contoso.com, eu.contoso.com, contoso.com); none for a
 * public mail provider.
 */
export function matchableDomains(email: string): string[] {
  const at = email.lastIndexOf('@');
  const domain = email.slice(at + 1).toLowerCase().replace(/\.$/, '');
  if (at < 0 || domain === '' || isPublicMailDomain(domain)) return [];
  const labels = domain.split('.');
  const domains: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  return domains.filter((candidate) => !isPublicMailDomain(candidate));
}
