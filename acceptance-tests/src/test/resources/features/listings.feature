Feature: Listing rights for licence
  A rights holder offers a window of its rights on the exchange. The listing starts as
  a draft, is submitted for review, and once the operator approves it, it is announced
  to the platforms. The reserve price stays the holder's secret.

  Background:
    Given a rights holder "Mango Pictures" with a user "mango-ann"
    And a platform "Lychee TV" with a user "lychee-lee"
    And "mango-ann" has registered the title "Moonlit Courtyard"
    And "Mango Pictures" holds "Moonlit Courtyard" non-exclusively: ALL_MEDIA in GREATER_CHINA, languages zh and en, from 2027-01-01 to 2031-12-31

  Scenario: A new listing starts as a draft
    When "mango-ann" offers "Moonlit Courtyard" in an English auction:
      | media          | SVOD                     |
      | territories    | CN, HK                   |
      | languages      | zh                       |
      | term           | 2028-01-01 to 2029-12-31 |
      | starting price | 1,000,000.00 CNY         |
      | increment      | 50,000.00                |
      | reserve price  | 1,500,000.00             |
      | deposit        | 100,000.00               |
    Then the listing is a DRAFT offered by "Mango Pictures" for "Moonlit Courtyard"
    And the listing starts at 100000000 minor units of CNY with increments of 5000000
    And the listing's ETag carries its version

  Scenario: An approved listing is announced and platforms find it
    Given "mango-ann" has offered "Moonlit Courtyard" in an English auction
    When "mango-ann" submits the listing for review
    Then the listing is SUBMITTED
    When the operator approves the listing
    Then the listing is ANNOUNCED
    And "lychee-lee" finds the listing among the ANNOUNCED listings

  Scenario: The operator sends a listing back with a reason
    Given "mango-ann" has submitted an English auction of "Moonlit Courtyard"
    When the operator rejects the listing because "The synopsis does not say who the lead actors are"
    Then the listing is DRAFT
    And "mango-ann" sees the listing rejected because "The synopsis does not say who the lead actors are"

  Scenario: A listing of rights that are not held cannot be submitted
    Given "mango-ann" has offered "Moonlit Courtyard" in an English auction:
      | territories | CN, JP |
    When "mango-ann" tries to submit the listing for review
    Then it is refused as breaking a business rule
    And the refusal explains why
    And the listing is still DRAFT

  Scenario: Two reviewers act on the same version at once: one wins, the other is told
    Given the exchange has a second operator "otto-op"
    And "mango-ann" has submitted an English auction of "Moonlit Courtyard"
    When the operator approves and "otto-op" rejects the listing at the same moment, both quoting the version they read
    Then one of them succeeds and the other is refused as a conflict
    And the listing ends up as the one who succeeded left it

  Scenario: A change based on an outdated version is refused
    Given "mango-ann" has offered "Moonlit Courtyard" in an English auction
    And the operator has read the listing
    And "mango-ann" has submitted the listing for review
    When the operator tries to reject the listing quoting the version it read
    Then it is refused as a conflict
    And the listing is still SUBMITTED

  Scenario: The reserve price is the holder's secret
    Given "mango-ann" has offered "Moonlit Courtyard" in an English auction:
      | starting price | 1,000,000.00 CNY |
      | reserve price  | 1,500,000.00     |
    And "mango-ann" has submitted the listing for review
    And the listing has been approved
    Then "lychee-lee" sees the starting price 100000000 but no reserve price
    And "mango-ann" sees the reserve price 150000000
