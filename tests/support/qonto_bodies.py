"""Answer bodies shaped as Qonto's documentation shows them, each with its source.

S is the vendored copy of Qonto's OpenAPI in a public Java client:
https://github.com/hiit-consulting-fr/qonto-java-client/blob/main/openapi_v2.yml
"""

from __future__ import annotations

# GET /v2/organization, example "Includes external banks accounts" (S, path /v2/organization;
# https://docs.qonto.com/api-reference/business-api/organization-accounts/organizations/retrieve-the-authenticated-organization-and-list-bank-accounts).
ORGANIZATION_WITH_EXTERNAL = b"""{"organization": {
  "id": "3e29cef2-4808-421e-8c99-e83306c5e0ec",
  "name": "Coop\\u00e9rative Boulang\\u00e8re Sud",
  "slug": "cooperative-boulangere-sud-2161",
  "legal_name": "Coop\\u00e9rative Boulang\\u00e8re Sud sandbox 2023-07-25T08:52:59Z",
  "locale": "fr", "legal_share_capital": 0, "legal_country": "FR",
  "legal_registration_date": "2001-10-10", "legal_form": "SAS",
  "legal_address": "18 Rue De Navarin Chez Wework 75009 Paris FRANCE",
  "legal_sector": "6200Z", "contract_signed_at": "2023-07-17T16:13:41.370Z",
  "legal_number": "81948962600039",
  "bank_accounts": [
    {"id": "27e7e433-453c-4c32-bd3f-6802ae05940e",
     "slug": "cooperative-boulangere-sud-2161-bank-account-3",
     "iban": "FR7616958000013622273207472", "bic": "QNTOFRP1XXX", "currency": "EUR",
     "balance": 1, "balance_cents": 100, "authorized_balance": 121,
     "authorized_balance_cents": 12100, "name": "Placements",
     "updated_at": "2024-07-02T08:25:11.155Z", "status": "active", "main": false,
     "is_external_account": false, "account_number": ""},
    {"id": "e97d6e4b-8179-47ae-88e9-3e43b230251e",
     "slug": "cooperative-boulangere-sud-2161-bank-account-1",
     "iban": "FR7616958000018615533841513", "bic": "QNTOFRP1XXX", "currency": "EUR",
     "balance": 41995921.54, "balance_cents": 4199592154, "authorized_balance": 41989694.29,
     "authorized_balance_cents": 4198969429, "name": "Compte principal",
     "updated_at": "2024-08-01T10:35:09.089Z", "status": "active", "main": true,
     "is_external_account": false, "account_number": ""},
    {"id": "0191221f-2452-735f-9144-bff2ca4fa8a4",
     "slug": "cooperative-boulangere-sud-2161-bank-account-4",
     "iban": "FR802043302626N265296869145", "bic": "", "currency": "EUR",
     "balance": 9.02, "balance_cents": 902, "authorized_balance": 9.02,
     "authorized_balance_cents": 902, "name": "Main Account Compte courant",
     "updated_at": "2024-08-05T10:39:13.000Z", "status": "active", "main": false,
     "is_external_account": true, "account_number": "0263765d-8d0e-41f0-a025-9dd2ed891507"}
  ]}}"""

# GET /v2/organization, the schema's top-level example (S): no organization "name", and its
# one bank account has no "id".
ORGANIZATION_SCHEMA_EXAMPLE = b"""{"organization": {
  "id": "cb47875a-9b12-416e-aa9a-265b9dfaeee7", "slug": "elektro-tesla-gmbh-3066",
  "legal_name": "Elektro Tesla GmbH", "legal_number": "12A34FC5", "legal_sector": "6200Z",
  "legal_registration_date": "2022-11-27",
  "legal_address": "Fritz-Arnold-Str. 18 85614 Kirchseeon GERMANY", "legal_form": "GmbH",
  "legal_country": "DE", "legal_share_capital": 1000, "locale": "de",
  "contract_signed_at": "2022-12-01 08:57:00.123047",
  "bank_accounts": [
    {"slug": "super-bankaccount-5785", "iban": "FR7616798000010000005663951",
     "bic": "TRZOFR21XXX", "currency": "EUR", "balance": 100, "balance_cents": 10000,
     "authorized_balance": 100, "authorized_balance_cents": 10000, "name": "Main account",
     "updated_at": "2021-03-23T14:00:46.967Z", "status": "active", "main": true}
  ]}}"""

# GET /v2/bank_accounts, written from the documented field list; a manager sees only id,
# name, status, main and organization_id (restricted fields).
# https://docs.qonto.com/api-reference/business-api/organization-accounts/business-accounts/list
# Pagination "meta": https://docs.qonto.com/api-reference/using-the-apis/pagination
BANK_ACCOUNTS_AS_MANAGER = b"""{"bank_accounts": [
  {"id": "e97d6e4b-8179-47ae-88e9-3e43b230251e", "name": "Compte principal",
   "status": "active", "main": true, "organization_id": "3e29cef2-4808-421e-8c99-e83306c5e0ec"}
 ],
 "meta": {"current_page": 1, "next_page": null, "prev_page": null, "total_pages": 1,
          "total_count": 1, "per_page": 100}}"""

# GET /v2/membership (S, path /v2/membership;
# https://docs.qonto.com/api-reference/business-api/accounts-organizations/memberships/retrieve-the-authenticated-membership).
MEMBERSHIP = b"""{"membership": {
  "id": "c9f9f051-7558-451c-b310-f4b8521424aa", "first_name": "Bruce Thomas Patrick",
  "last_name": "Wayne", "email": "batman@dc-comics.com", "phone_number": "+49123456789",
  "position": "Criminals threatener", "status": "active", "role": "owner", "locale": "de",
  "team_id": "d1f9f066-5642-462d-b421-a7d8521556bc"}}"""

# GET /v2/user_organizations, written from the documented fields (id, name, legal_name,
# legal_number, legal_country, membership_role).
# https://docs.qonto.com/api-reference/business-api/organization-accounts/organizations/get-user-organizations
USER_ORGANIZATIONS = b"""{"organizations": [
  {"id": "3e29cef2-4808-421e-8c99-e83306c5e0ec", "name": "Coop\\u00e9rative Boulang\\u00e8re Sud",
   "legal_name": "Coop\\u00e9rative Boulang\\u00e8re Sud", "legal_number": "81948962600039",
   "legal_country": "FR", "membership_role": "owner"},
  {"id": "cb47875a-9b12-416e-aa9a-265b9dfaeee7", "name": "Elektro Tesla",
   "legal_name": "Elektro Tesla GmbH", "legal_number": "12A34FC5", "legal_country": "DE",
   "membership_role": "admin"}
 ]}"""

# Business API error format (the shape is the page's; its example shows "string" values, so
# these are filled in with its own example code):
# https://docs.qonto.com/api-reference/business-api/introduction/errors
ERROR_FORMAT = b"""{"errors": [{"code": "not_in_list", "detail": "Status is not in the list",
  "source": {"pointer": "/status", "parameter": "status"}}],
  "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"}"""

# 401 and 403 of GET /v2/membership (S).
ERROR_UNAUTHORIZED = (
    b'{"errors": [{"code": "unauthorized", '
    b'"detail": "You must be authenticated to perform this action"}]}'
)
ERROR_FORBIDDEN = (
    b'{"errors": [{"code": "forbidden", '
    b'"detail": "User does not have sufficient permissions for this action."}]}'
)

# 404 of GET /v2/external_transfers/{id} (S): "source.parameter".
ERROR_NOT_FOUND = (
    b'{"errors": [{"code": "not_found", "detail": "External transfer not found", '
    b'"source": {"parameter": "id"}}]}'
)

# 400 of GET /v2/transactions (S): items with "message" instead of "detail".
ERROR_ITEMS_WITH_MESSAGE = b"""{"errors": [
  {"code": "sort_invalid", "message": "Sort field is invalid"},
  {"code": "status_invalid", "message": "At least one status isn't valid"}]}"""

# 403 of POST /v2/cards/advertising (S): the older {"message": ...} form.
ERROR_MESSAGE_ONLY = b'{"message": "Forbidden"}'

# 404 of GET /v2/transactions/{id} (S): text/plain, a single space.
ERROR_BLANK_TEXT = b" "

# OAuth token endpoint error (RFC 6749 §5.2, https://www.rfc-editor.org/rfc/rfc6749#section-5.2).
OAUTH_INVALID_GRANT = (
    b'{"error": "invalid_grant", "error_description": "The provided authorization grant '
    b"(e.g., authorization code, resource owner credentials) or refresh token is invalid, "
    b"expired, revoked, does not match the redirection URI used in the authorization "
    b'request, or was issued to another client."}'
)
