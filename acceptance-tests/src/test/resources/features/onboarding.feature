Feature: Onboarding member organisations and their people
  The exchange operator admits the organisations that trade on ReelX and opens accounts
  for their people. The roles a person may hold follow from the kind of organisation
  they work for: rights holders license out, platforms license in, and only the
  exchange's own staff run operations, finance and audit.

  Scenario: The operator admits a rights holder and a platform and opens their accounts
    When the operator admits "Mango Pictures" as a rights holder from CN
    And the operator admits "Lychee TV" as a platform from HK
    And the operator opens an account "mango-ann" at "Mango Pictures" with the roles RIGHTS_HOLDER
    And the operator opens an account "lychee-lee" at "Lychee TV" with the roles PLATFORM
    Then the operator finds "Mango Pictures" among the member organisations as a RIGHTS_HOLDER from CN
    And the operator finds "Lychee TV" among the member organisations as a PLATFORM from HK
    And "mango-ann" sees that it works for "Mango Pictures" with the roles RIGHTS_HOLDER
    And "lychee-lee" sees that it works for "Lychee TV" with the roles PLATFORM

  Scenario: A member of the exchange's staff may hold several roles
    When the operator opens an account "fiona-audit" at the exchange with the roles FINANCE and AUDITOR
    Then "fiona-audit" sees that it works for the exchange with the roles FINANCE and AUDITOR

  Scenario: A user works with an API token instead of a password
    Given a rights holder "Mango Pictures" with a user "mango-ann"
    When "mango-ann" creates an API token named "ci-uploader" valid for 30 days
    Then the token is shown with its secret and expires in about 30 days
    And a caller presenting only that token is recognised as "mango-ann" of "Mango Pictures"

  Scenario: A role that does not suit the organisation's kind is refused
    Given a rights holder "Mango Pictures" with a user "mango-ann"
    When the operator tries to open an account "mango-bob" at "Mango Pictures" with the roles PLATFORM
    Then it is refused as breaking a business rule
    And "Mango Pictures" has no user "mango-bob"
    When the operator tries to open an account "mango-op" at "Mango Pictures" with the roles OPERATOR
    Then it is refused as breaking a business rule

  Scenario: A login name can be taken only once
    Given a rights holder "Mango Pictures" with a user "mango-ann"
    And a platform "Lychee TV"
    When the operator tries to open another account with the login name of "mango-ann" at "Lychee TV"
    Then it is refused as a conflict
