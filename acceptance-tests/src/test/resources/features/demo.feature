@demo
Feature: Driving the demo market
  An exchange started with --demo is a market a visitor can drive at once: the demo users'
  passwords are in demo-credentials.txt in the data directory, and an English auction is live,
  with both demo platforms already qualified to bid. (Here the demo's live auction opens five
  seconds after the start, its free period lasts two seconds, and its countdown ten minutes, so
  the scenario waits for states only, never for a clock to run out.)

  Scenario: A visitor joins the live demo auction, bids, and sees the countdown restart
    Given an exchange started with --demo
    And "bamboo-bo" signs in with the password from the demo credentials file
    When "bamboo-bo" looks for the live English auction among the listings
    And its countdown is running
    And "bamboo-bo" bids one increment above the current high
    Then the bid restarts the countdown of the demo auction
    And the order book shows the bid and the countdown ending later than before
