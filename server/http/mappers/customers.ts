// Customers as the lookup, search and contact routes answer them: the fields of each JSON shape,
// picked from the repositories' values.
import type { CustomerListing, CustomerMatch } from '../../db/repositories/customers';
import type { Contact } from '../../domain/types';
import type { ContactResponse, CustomerListItem, LookupMatch } from '../schemas/customers';

export function lookupMatchJson(match: CustomerMatch): LookupMatch {
  return { id: match.id, account: match.account, name: match.name, matchedBy: match.matchedBy };
}

export function customerListItemJson(customer: CustomerListing): CustomerListItem {
  return { id: customer.id, account: customer.account, name: customer.name, status: customer.status, currency: customer.currency };
}

export function contactJson(contact: Contact): ContactResponse {
  return { id: contact.id, customerId: contact.customerId, email: contact.email, name: contact.name };
}
