@settlement
Feature: Settling the revenue share of an active licence
  When a licence contract becomes active, settlement opens an agreement: the licensee platform
  is invoiced the rest of the price (its deposit already counts toward it) and any minimum
  guarantee. Each month the platform reports its revenue; the exchange computes the statement
  (tiers, MG recoupment, exchange fee, each payee's part and withholding tax), posts it to the
  double-entry ledger, and reconciles what the platform declared and paid. Finance resolves
  every discrepancy with a reason and pays out; a payout is approved by a second officer.

  Background:
    Given a rights holder "Mango Pictures" with a user "mango-ann"
    And a rights holder "Jade Studio" with a user "jade-joe"
    And a rights holder "Wu Lan Writes" with a user "wu-lan"
    And "mango-ann" has registered the title "Moonlit Courtyard"
    And "Mango Pictures" holds "Moonlit Courtyard" exclusively: ALL_MEDIA in GREATER_CHINA, languages zh and en, from 2027-01-01 to 2031-12-31
    And a platform "Lychee TV" with a user "lychee-lee"
    And a platform "Durian Play" with a user "durian-dan"
    And a finance officer "fay-fin" at the exchange
    And a finance officer "fred-fin" at the exchange
    And "mango-ann" offers the licence under an MG of 100,000.00 CNY, 30% of gross up to 500,000.00 and 50% above, an exchange fee of 1.5% and 10% withheld from payees outside CN, shared by:
      | payee          | share | country |
      | Mango Pictures | 60%   | CN      |
      | Jade Studio    | 30%   | CN      |
      | Wu Lan Writes  | 10%   | US      |
    And "lychee-lee" has bought "Moonlit Courtyard" exclusively: SVOD and AVOD in CN, languages zh, from 2028-01-01 to 2029-12-31, at 1,000,000.00 CNY with a deposit of 100,000.00
    And "mango-ann" signs the contract
    And "lychee-lee" signs the contract

  Scenario: A month of revenue under an MG and a tiered share with three payees, reconciled and paid out
    Then settlement has opened the agreement: "Lychee TV" is invoiced 900,000.00 CNY for the price and 100,000.00 CNY for the MG, and "Mango Pictures" is owed 1,060,000.00 CNY: the price, the deposit of 100,000.00 and its 60% of the MG
    When "lychee-lee" reports the revenue of 2027-03, declaring 299,999.00 CNY payable:
      | episode | territory | channel | views  | watch hours | gross      |
      | S01E01  | CN        | SVOD    | 120000 | 35210.5     | 600,000.00 |
      | S01E02  | CN        | AVOD    | 80000  | 20100.25    | 400,000.00 |
    Then the 2027-03 statement shows a share of 400,000.00, 100,000.00 recouped, 300,000.00 payable and an exchange fee of 4,500.00
    And the payees' parts are:
      | payee          | part       | withheld | net        |
      | Mango Pictures | 177,300.00 | 0.00     | 177,300.00 |
      | Jade Studio    | 88,650.00  | 0.00     | 88,650.00  |
      | Wu Lan Writes  | 29,550.00  | 2,955.00 | 26,595.00  |
    And "mango-ann" and "wu-lan" see the statement, and "durian-dan" does not
    When "lychee-lee" sends the same report again
    Then the first statement is answered again and nothing is posted twice
    When "fay-fin" records a receipt of 290,000.00 CNY from "Lychee TV" for the 2027-03 statement
    And "fay-fin" reconciles 2027-03
    Then the declared payable is flagged 1.00 CNY short of the computed 300,000.00
    And the receipt is flagged 10,000.00 CNY short of the invoiced 300,000.00
    When "fay-fin" resolves the payable discrepancy as ACCEPT_COMPUTED because "the platform rounded its share down"
    Then the payable discrepancy is resolved, and only the payment discrepancy stays open
    When "fay-fin" pays out to "Jade Studio" and "Wu Lan Writes" what the exchange owes them, and "fred-fin" approves the payouts
    Then the exchange owes "Jade Studio" and "Wu Lan Writes" nothing
    And the trial balance nets to zero

  Scenario: A CSV report with several bad lines is answered with every error at once, and nothing is stored
    When "lychee-lee" uploads the revenue of 2027-03 as CSV, declaring 0.00 CNY payable:
      """
      episode,territory,channel,views,watch_hours,gross_minor,currency
      S01E01,CN,SVOD,120000,35210.5,60000000,CNY
      S01E02,china,SVOD,-3,1.5,100,CNY
      ,CN,SVOD,10,1.12345,abc,CNY
      S01E04,CN,SVOD,10,1,100,USD
      """
    Then it is refused as invalid
    And the problem lists these errors, all at once:
      | field               |
      | line 3: territory   |
      | line 3: views       |
      | line 4: episode     |
      | line 4: watch_hours |
      | line 4: gross_minor |
      | line 5: currency    |
    And the contract has no revenue report and no statement
