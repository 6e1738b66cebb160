"""The User OAuth flow's own parts of the Business API: the header and the list of companies.

Source: Qonto's "User OAuth flow" page and ``GET /v2/user_organizations`` (docs/qonto-facts.md,
"User OAuth flow").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from qonto_desktop.emulator.data import DemoUser, Organization

ORGANIZATION_HEADER = "X-Qonto-Organization-Id"


def user_organizations(organizations: Sequence[Organization], user: DemoUser) -> dict[str, Any]:
    """The body of ``GET /v2/user_organizations`` for the organizations consented to."""
    return {
        "organizations": [
            {
                "id": organization.id,
                "name": organization.name,
                "legal_name": organization.legal_name,
                "legal_number": organization.legal_number,
                "legal_country": organization.legal_country,
                "membership_role": user.role,
            }
            for organization in organizations
        ]
    }
