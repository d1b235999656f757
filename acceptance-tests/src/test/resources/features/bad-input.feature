Feature: Bad input is refused with an explanation
  Whatever is sent, the exchange answers with a problem document that says what is
  wrong - and, for fields, which one - and never fails on its side.

  Background:
    Given a rights holder "Mango Pictures" with a user "mango-ann"
    And "mango-ann" has registered the title "Moonlit Courtyard"
    And "Mango Pictures" holds "Moonlit Courtyard" non-exclusively: ALL_MEDIA in GREATER_CHINA, languages zh, from 2027-01-01 to 2031-12-31

  Scenario: A request that is not JSON is refused
    When "mango-ann" sends a title registration that is cut off in the middle
    Then it is refused as malformed

  Scenario: A missing required field is named
    When "mango-ann" sends a title registration without its "kind"
    Then it is refused as invalid
    And the problem names the field "kind"

  Scenario: An unknown territory is named
    When "mango-ann" tries to record a holding of "Moonlit Courtyard" in the territories CN and XX
    Then it is refused as invalid
    And the problem names the field "territories"

  Scenario: A term that ends before it starts is refused
    When "mango-ann" tries to record a holding of "Moonlit Courtyard" from 2030-01-01 to 2029-12-31
    Then it is refused as invalid

  Scenario: A negative starting price is refused
    When "mango-ann" tries to offer "Moonlit Courtyard" in an English auction starting at -1.00 CNY
    Then it is refused as invalid
    And the problem names the field "startingPrice"

  Scenario: An English auction needs a bid increment
    When "mango-ann" tries to offer "Moonlit Courtyard" in an English auction without an increment
    Then it is refused as breaking a business rule
    And the refusal explains why

  Scenario: Settlement terms are checked when the listing is created, every problem at once
    When "mango-ann" tries to offer "Moonlit Courtyard" with settlement terms whose tiers go backwards and whose payees do not add up or exist
    Then it is refused as invalid
    And the problem names the field "settlementTerms.revenueShare.schedule.tiers[2].from"
    And the problem names the field "settlementTerms.payees"
    And the problem names the field "settlementTerms.payees[0].organizationId"
