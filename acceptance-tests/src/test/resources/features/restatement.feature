@settlement @restatement
Feature: A restated month re-rates the months after it
  A platform may restate a month it has reported. With tiers found on the cumulative revenue and
  a minimum guarantee recouped month by month, what a later month pays depends on the months
  before it: the exchange re-rates every later month on the corrected figures, issues each one a
  new statement version showing what changed, and posts only the differences. In the end each
  payee has been paid what one run over the final figures pays.

  Background:
    Given a rights holder "Mango Pictures" with a user "mango-ann"
    And a rights holder "Jade Studio" with a user "jade-joe"
    And "mango-ann" has registered the title "Lotus Harbour"
    And "Mango Pictures" holds "Lotus Harbour" exclusively: ALL_MEDIA in GREATER_CHINA, languages zh and en, from 2027-01-01 to 2031-12-31
    And a platform "Lychee TV" with a user "lychee-lee"
    And a finance officer "fay-fin" at the exchange
    And "mango-ann" offers the licence under an MG of 100,000.00 CNY, 30% of cumulative gross up to 500,000.00 and 50% above, an exchange fee of 0% and 0% withheld from payees outside CN, shared by:
      | payee          | share | country |
      | Mango Pictures | 60%   | CN      |
      | Jade Studio    | 40%   | CN      |
    And "lychee-lee" has bought "Lotus Harbour" exclusively: SVOD in CN, languages zh, from 2028-01-01 to 2029-12-31, at 1,000,000.00 CNY with a deposit of 100,000.00
    And "mango-ann" signs the contract
    And "lychee-lee" signs the contract

  Scenario: January restated down: February is re-rated on the lower cumulative revenue and the MG left
    Given settlement has opened the agreement
    When "lychee-lee" reports the revenue of 2028-01, declaring 20,000.00 CNY payable:
      | episode | territory | channel | views | watch hours | gross      |
      | S01E01  | CN        | SVOD    | 90000 | 21000.5     | 400,000.00 |
    And "lychee-lee" reports the revenue of 2028-02, declaring 130,000.00 CNY payable:
      | episode | territory | channel | views | watch hours | gross      |
      | S01E02  | CN        | SVOD    | 70000 | 15000       | 300,000.00 |
    Then the 2028-01 statement shows a share of 120,000.00, 100,000.00 recouped, 20,000.00 payable and an exchange fee of 0.00
    And the 2028-02 statement shows a share of 130,000.00, 0.00 recouped, 130,000.00 payable and an exchange fee of 0.00
    When "lychee-lee" reports the revenue of 2028-01, declaring 0.00 CNY payable:
      | episode | territory | channel | views | watch hours | gross      |
      | S01E01  | CN        | SVOD    | 45000 | 10500.25    | 200,000.00 |
    Then the 2028-01 statement is version 2: a share of 60,000.00, 60,000.00 recouped, 0.00 payable, 20,000.00 less than version 1
    And the 2028-02 statement is version 2: a share of 90,000.00, 40,000.00 recouped, 50,000.00 payable, 80,000.00 less than version 1
    And the 2028-02 adjustment takes back 48,000.00 from "Mango Pictures" and 32,000.00 from "Jade Studio", also in its CSV
    And after 2028-02 no MG is left to recoup
    And version 1 of the 2028-02 statement still reads 130,000.00 payable
    And the trial balance nets to zero
