@live
Feature: Following a listing live
  A platform can follow a listing's auction as a stream of server-sent events. It is told what
  the order book would show it, in the order things happened: others' bids under their bidder
  codes, but no sealed bid except its own. The stream ends after the close. (The seconds in a
  schedule are minimums, as in the auctions.)

  Background:
    Given a rights holder "Mango Pictures" with a user "mango-ann"
    And "mango-ann" has registered the title "Moonlit Courtyard"
    And "Mango Pictures" holds "Moonlit Courtyard" non-exclusively: ALL_MEDIA in GREATER_CHINA, languages zh and en, from 2027-01-01 to 2031-12-31
    And a platform "Lychee TV" with a user "lychee-lee"
    And a platform "Durian Play" with a user "durian-dan"
    And a finance officer "fay-fin" at the exchange

  Scenario: In a sealed-bid sale a follower hears of its own bids only, until the stream ends with the close
    Given "mango-ann" has announced a sealed-bid sale of "Moonlit Courtyard":
      | starting price | 1,000,000.00 CNY |
      | deposit        | 100,000.00       |
      | bidding opens  | in 8 seconds     |
      | bidding closes | 6 seconds later  |
    And "lychee-lee" and "durian-dan" have qualified for the listing
    And "lychee-lee" is following the listing live
    And "durian-dan" is following the listing live
    When bidding opens
    And "lychee-lee" bids 1,300,000.00 CNY
    And "durian-dan" bids 1,250,000.00 CNY
    Then "durian-dan" hears of the bid of "durian-dan" within 10 seconds
    And "durian-dan" has heard of no bid but its own
    When the bidding deadline passes
    Then "lychee-lee" hears that the listing was AWARDED, and then the stream ends within 30 seconds
    And "lychee-lee" has heard of no bid but its own
    And "durian-dan" hears that the listing was AWARDED, and then the stream ends within 30 seconds
    And "durian-dan" has heard of no bid but its own

  Scenario: A follower hears of the fixed-price purchase before the close, and then the stream ends
    Given "mango-ann" has announced "Moonlit Courtyard" for sale at a fixed price:
      | starting price | 1,500,000.00 CNY |
      | deposit        | 100,000.00       |
      | bidding opens  | in 3 seconds     |
      | bidding closes | 60 seconds later |
    And "lychee-lee" and "durian-dan" have qualified for the listing
    When bidding opens
    And "lychee-lee" is following the listing live
    And "durian-dan" buys the listing
    Then "lychee-lee" hears that the listing was AWARDED, and then the stream ends within 30 seconds
    And "lychee-lee" heard of the bid of "durian-dan" before the close

  Scenario: A follower of a listing that is already over is told how it ended, and the stream ends
    Given "mango-ann" has announced "Moonlit Courtyard" for sale at a fixed price:
      | starting price | 1,500,000.00 CNY |
      | deposit        | 100,000.00       |
      | bidding opens  | in 3 seconds     |
      | bidding closes | 60 seconds later |
    And "lychee-lee" and "durian-dan" have qualified for the listing
    When bidding opens
    And "durian-dan" buys the listing
    Then the listing is AWARDED to "durian-dan" at 1,500,000.00 CNY
    When "lychee-lee" follows the listing live
    Then "lychee-lee" hears that the listing was AWARDED, and then the stream ends within 30 seconds
