@contracts
Feature: From award to licence: the contract, its signatures and the rights register
  When a listing is awarded the exchange drafts the licence contract between the rights
  holder and the winning platform. Both read the same canonical document, in Chinese and
  English, and sign it by submitting its SHA-256. Once both have signed, the licence is
  active and its grant enters the rights register: an exclusive licence takes the window, a
  non-exclusive one shares it. A contract not signed by its deadline lapses, and a platform
  that did not sign loses its deposit. (Here the signing deadline is half a minute; on the
  exchange it is a number of working days.)

  Background:
    Given a rights holder "Mango Pictures" with a user "mango-ann"
    And "mango-ann" has registered the title "Moonlit Courtyard"
    And "Mango Pictures" holds "Moonlit Courtyard" exclusively: ALL_MEDIA in GREATER_CHINA, languages zh and en, from 2027-01-01 to 2031-12-31
    And a platform "Lychee TV" with a user "lychee-lee"
    And a platform "Durian Play" with a user "durian-dan"
    And a finance officer "fay-fin" at the exchange

  Scenario: Both parties sign the awarded contract, it becomes active and avails show the grant
    Given "lychee-lee" has bought "Moonlit Courtyard" exclusively: SVOD in CN and HK, languages zh, from 2028-01-01 to 2029-12-31, at 1,500,000.00 CNY with a deposit of 100,000.00
    Then a contract between "Mango Pictures" and "Lychee TV" awaits both signatures
    And it carries the price 1,500,000.00 CNY, with the deposit of 100,000.00 applied and 1,400,000.00 due
    And "mango-ann" and "lychee-lee" read the same document, in Chinese and English, with its SHA-256
    When "mango-ann" signs the contract
    Then the contract awaits only the licensee's signature
    When "lychee-lee" signs the contract
    Then the contract is ACTIVE
    And both signatures name the signer, the organisation and the hash signed
    When "mango-ann" asks whether "Moonlit Courtyard" is available: SVOD in CN, languages zh, from 2029-01-01 to 2029-06-30
    Then the window is not available
    And it is blocked as GRANTED_EXCLUSIVE in the territories CN
    When "mango-ann" asks whether "Moonlit Courtyard" is available: SVOD in CN, languages zh, from 2030-01-01 to 2030-06-30
    Then the window is available
    And "mango-ann" and "lychee-lee" find the contract among their own, and "durian-dan" does not see it

  Scenario: A signature with a hash that is not the document's is refused
    Given "lychee-lee" has bought "Moonlit Courtyard" exclusively: SVOD in CN, languages zh, from 2028-01-01 to 2028-12-31, at 1,000,000.00 CNY with a deposit of 100,000.00
    When "lychee-lee" signs the contract with the hash of a tampered document
    Then it is refused as breaking a business rule
    And the refusal's code is "document-hash-mismatch"
    And the contract awaits both signatures
    When "durian-dan" tries to sign the contract
    Then it is refused as not found
    When "mango-ann" signs the contract
    And "mango-ann" tries to sign the contract again
    Then it is refused as a conflict

  Scenario: The licensee does not sign in time: the contract lapses, the deposit is forfeited and the window can be offered again
    Given "lychee-lee" has bought "Moonlit Courtyard" exclusively: SVOD in CN, languages zh, from 2028-01-01 to 2028-12-31, at 1,000,000.00 CNY with a deposit of 100,000.00
    When "mango-ann" signs the contract
    And the signing deadline passes
    Then the contract is LAPSED because the licensee did not sign
    And the audit trail of the contract shows the deposit of 100,000.00 CNY of "Lychee TV" forfeited to "Mango Pictures"
    When "lychee-lee" tries to sign the contract
    Then it is refused as a conflict
    When "mango-ann" asks whether "Moonlit Courtyard" is available exclusively: SVOD in CN, languages zh, from 2028-01-01 to 2028-12-31
    Then the window is available
    And "mango-ann" can offer the same window again

  Scenario: A non-exclusive licence leaves the window open to other non-exclusive licences, but not to an exclusive one
    Given "lychee-lee" has bought "Moonlit Courtyard" non-exclusively: SVOD in CN, languages zh, from 2028-01-01 to 2028-12-31, at 800,000.00 CNY with a deposit of 10,000.00
    When "mango-ann" signs the contract
    And "lychee-lee" signs the contract
    Then the contract is ACTIVE
    When "mango-ann" asks whether "Moonlit Courtyard" is available: SVOD in CN, languages zh, from 2028-01-01 to 2028-12-31
    Then the window is available
    When "mango-ann" asks whether "Moonlit Courtyard" is available exclusively: SVOD in CN, languages zh, from 2028-01-01 to 2028-12-31
    Then the window is not available
    And it is blocked as GRANTED_NON_EXCLUSIVE in the territories CN
