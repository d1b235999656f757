@auctions
Feature: Selling a listing: qualification, bidding and the result
  Only qualified platforms bid: a platform registers for an announced listing, finance
  records the receipt of its deposit, and the operator qualifies it. An English auction has
  a free bidding period and then a timed period that every bid restarts; it ends when the
  timed period passes without a bid. A sealed-bid sale takes one hidden bid per platform
  until its deadline. A fixed-price sale goes to the first platform that accepts the price.
  At the close, losers get their deposits back and the winner's deposit counts toward the
  price. (Schedules here run in seconds; on the real exchange they run in minutes and days. The
  seconds written are minimums: on a busy machine the sale opens later and its periods last
  longer, so that the steps written inside a period happen inside it.)

  Background:
    Given a rights holder "Mango Pictures" with a user "mango-ann"
    And "mango-ann" has registered the title "Moonlit Courtyard"
    And "Mango Pictures" holds "Moonlit Courtyard" non-exclusively: ALL_MEDIA in GREATER_CHINA, languages zh and en, from 2027-01-01 to 2031-12-31
    And a platform "Lychee TV" with a user "lychee-lee"
    And a platform "Durian Play" with a user "durian-dan"
    And a finance officer "fay-fin" at the exchange

  Scenario: An English auction runs into extra time twice and goes to the later, higher bid
    Given "mango-ann" has announced an English auction of "Moonlit Courtyard":
      | starting price | 1,000,000.00 CNY |
      | increment      | 50,000.00        |
      | reserve price  | 1,100,000.00     |
      | deposit        | 100,000.00       |
      | bidding opens  | in 3 seconds     |
      | free period    | 3 seconds        |
      | timed period   | 3 seconds        |
    And "lychee-lee" and "durian-dan" have registered for the listing
    When "fay-fin" records the deposits of "lychee-lee" and "durian-dan" as received
    And the operator qualifies "lychee-lee" and "durian-dan"
    Then "lychee-lee" and "durian-dan" are qualified to bid, with the deposits held
    When bidding opens
    And "lychee-lee" bids 1,000,000.00 CNY
    And "durian-dan" bids 1,050,000.00 CNY
    Then the current high is 1,050,000.00 CNY by "durian-dan"
    And no bid so far restarted the countdown
    When the timed period begins
    And "lychee-lee" bids 1,100,000.00 CNY
    Then the bid restarts the countdown
    When "durian-dan" bids 1,200,000.00 CNY
    Then the bid restarts the countdown
    When no one bids for the timed period
    Then the listing is AWARDED to "durian-dan" at 1,200,000.00 CNY
    And "lychee-lee" learns that it lost, without learning who won
    And the deposit of "lychee-lee" is RELEASED
    And the deposit of "durian-dan" is APPLIED

  Scenario: A sealed-bid sale keeps every bid hidden until the deadline, then the highest wins
    Given "mango-ann" has announced a sealed-bid sale of "Moonlit Courtyard":
      | starting price | 1,000,000.00 CNY |
      | deposit        | 100,000.00       |
      | bidding opens  | in 3 seconds     |
      | bidding closes | 3 seconds later  |
    And "lychee-lee" and "durian-dan" have qualified for the listing
    When bidding opens
    And "lychee-lee" bids 1,300,000.00 CNY
    And "durian-dan" bids 1,250,000.00 CNY
    Then "lychee-lee" sees only its own sealed bid of 1,300,000.00 CNY and no current high
    And "durian-dan" sees only its own sealed bid of 1,250,000.00 CNY and no current high
    When "durian-dan" replaces its bid with 1,400,000.00 CNY
    Then "durian-dan" sees only its own sealed bid of 1,400,000.00 CNY and no current high
    When the bidding deadline passes
    Then the listing is AWARDED to "durian-dan" at 1,400,000.00 CNY
    And the bids are revealed to "lychee-lee" and "durian-dan":
      | bidder     | amount       |
      | durian-dan | 1,400,000.00 |
      | lychee-lee | 1,300,000.00 |
    And the deposit of "lychee-lee" is RELEASED
    And the deposit of "durian-dan" is APPLIED

  Scenario: At a fixed price the first qualified platform to buy wins, and no one after it
    Given "mango-ann" has announced "Moonlit Courtyard" for sale at a fixed price:
      | starting price | 1,500,000.00 CNY |
      | deposit        | 100,000.00       |
      | bidding opens  | in 3 seconds     |
      | bidding closes | 60 seconds later |
    And "lychee-lee" and "durian-dan" have qualified for the listing
    When bidding opens
    And "durian-dan" buys the listing
    Then the listing is AWARDED to "durian-dan" at 1,500,000.00 CNY
    When "lychee-lee" tries to buy the listing
    Then it is refused as breaking a business rule
    And the refusal explains why
    And the order book holds 1 bid
    And the deposit of "lychee-lee" is RELEASED
    And the deposit of "durian-dan" is APPLIED

  Scenario: An auction whose only bid stays below the hidden reserve fails
    Given "mango-ann" has announced an English auction of "Moonlit Courtyard":
      | starting price | 1,000,000.00 CNY |
      | increment      | 50,000.00        |
      | reserve price  | 1,500,000.00     |
      | deposit        | 100,000.00       |
      | bidding opens  | in 3 seconds     |
      | free period    | 2 seconds        |
      | timed period   | 2 seconds        |
    And "lychee-lee" and "durian-dan" have qualified for the listing
    When bidding opens
    And "lychee-lee" bids 1,200,000.00 CNY
    And the timed period begins
    And no one bids for the timed period
    Then the listing FAILED because the best bid was BELOW_RESERVE
    And the deposits of "lychee-lee" and "durian-dan" are RELEASED

  Scenario: Only qualified platforms bid, in whole increments, in the listing's currency
    Given a platform "Kiwi Stream" with a user "kiwi-kim"
    And "mango-ann" has announced an English auction of "Moonlit Courtyard":
      | starting price | 1,000,000.00 CNY |
      | increment      | 50,000.00        |
      | deposit        | 100,000.00       |
      | bidding opens  | in 3 seconds     |
      | free period    | 60 seconds       |
      | timed period   | 60 seconds       |
    And "lychee-lee" and "durian-dan" have qualified for the listing
    And "kiwi-kim" has registered for the listing
    When bidding opens
    And "kiwi-kim" tries to bid 1,000,000.00 CNY
    Then it is refused as breaking a business rule
    And the refusal's code is "not-qualified"
    And no bid has been placed
    When "fay-fin" records the deposit of "kiwi-kim" as received
    And "kiwi-kim" tries to bid 1,000,000.00 CNY
    Then it is refused as breaking a business rule
    And the refusal's code is "not-qualified"
    And no bid has been placed
    When "lychee-lee" bids 1,000,000.00 CNY
    And "durian-dan" tries to bid 1,070,000.00 CNY
    Then it is refused as breaking a business rule
    And the refusal's code is "not-a-whole-increment"
    When "durian-dan" tries to bid 1,050,000.00 USD
    Then it is refused as breaking a business rule
    And the refusal explains why
    And the order book holds 1 bid
    And the current high is 1,000,000.00 CNY by "lychee-lee"

  Scenario: A bid sent twice with the same idempotency key is placed once
    Given "mango-ann" has announced an English auction of "Moonlit Courtyard":
      | starting price | 1,000,000.00 CNY |
      | increment      | 50,000.00        |
      | deposit        | 100,000.00       |
      | bidding opens  | in 3 seconds     |
      | free period    | 60 seconds       |
      | timed period   | 60 seconds       |
    And "lychee-lee" has qualified for the listing
    When bidding opens
    And "lychee-lee" bids 1,000,000.00 CNY with a fresh idempotency key
    And "lychee-lee" sends that bid again with the same idempotency key
    Then both answers name the same bid
    And the order book holds that one bid
    And the second answer repeats the first exactly
    And the second answer says it is a replay

  Scenario: Another bid under a used idempotency key is refused and placed nowhere
    Given "mango-ann" has announced an English auction of "Moonlit Courtyard":
      | starting price | 1,000,000.00 CNY |
      | increment      | 50,000.00        |
      | deposit        | 100,000.00       |
      | bidding opens  | in 3 seconds     |
      | free period    | 60 seconds       |
      | timed period   | 60 seconds       |
    And "lychee-lee" has qualified for the listing
    When bidding opens
    And "lychee-lee" bids 1,000,000.00 CNY with a fresh idempotency key
    And "lychee-lee" sends a bid of 1,500,000.00 CNY under that same idempotency key
    Then it is refused as breaking a business rule
    And the refusal's code is "idempotency-key-reused"
    And the order book holds that one bid

  Scenario: A platform following the auction live hears of each new bid
    Given "mango-ann" has announced an English auction of "Moonlit Courtyard":
      | starting price | 1,000,000.00 CNY |
      | increment      | 50,000.00        |
      | deposit        | 100,000.00       |
      | bidding opens  | in 3 seconds     |
      | free period    | 60 seconds       |
      | timed period   | 60 seconds       |
    And "lychee-lee" has qualified for the listing
    And "durian-dan" follows the listing live
    When bidding opens
    And "lychee-lee" bids 1,000,000.00 CNY
    Then "durian-dan" hears of the bid of "lychee-lee" within 10 seconds
    And what "durian-dan" hears is the whole bid, as the order book would show it

  Scenario: A platform that starts following a listing is told at once that it is connected
    Given "mango-ann" has announced an English auction of "Moonlit Courtyard":
      | starting price | 1,000,000.00 CNY |
      | increment      | 50,000.00        |
      | deposit        | 100,000.00       |
      | bidding opens  | in 60 seconds    |
    When "durian-dan" follows the listing live
    Then the exchange confirms at once that "durian-dan" is following
