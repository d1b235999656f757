@settlement @out-of-window
Feature: Revenue earned outside the licensed window is not settled silently
  A licence covers some territories and media. A platform that reports revenue for a territory or
  a channel the licence does not cover is refused, every such line and field named at once, and
  nothing is stored; terms may instead accept such lines and have finance look at a discrepancy.

  Background:
    Given a rights holder "Tamarind Films" with a user "tam-tan"
    And "tam-tan" has registered the title "Night Ferry"
    And "Tamarind Films" holds "Night Ferry" exclusively: ALL_MEDIA in CN and TH, languages th and zh, from 2027-01-01 to 2031-12-31
    And a platform "Papaya Stream" with a user "papaya-pat"
    And a finance officer "fay-fin" at the exchange
    And "papaya-pat" has bought "Night Ferry" exclusively: SVOD in TH, languages th, from 2028-01-01 to 2029-12-31, at 500,000.00 CNY with a deposit of 50,000.00
    And "tam-tan" signs the contract
    And "papaya-pat" signs the contract
    And settlement has opened the agreement

  Scenario: A CN/AVOD line on a TH/SVOD licence is refused, naming the line and both fields, and nothing is stored
    When "papaya-pat" uploads the revenue of 2028-03 as CSV, declaring 0.00 CNY payable:
      """
      episode,territory,channel,views,watch_hours,gross_minor,currency
      S01E01,TH,SVOD,1000,250.5,100000,CNY
      S01E02,CN,AVOD,800,120.25,50000,CNY
      """
    Then it is refused as invalid
    And the problem lists these errors, all at once:
      | field             |
      | line 3: territory |
      | line 3: channel   |
    And the contract has no revenue report and no statement
