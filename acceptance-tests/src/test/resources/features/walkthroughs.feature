@walkthrough
Feature: The README's walkthroughs run as pasted
  The shell blocks of README.md marked `<!-- walkthrough: run -->` are what a newcomer pastes
  into a shell, in order: from an empty store to a live auction, a signed licence and its
  settlement. They run here with bash, exactly as written, against the exchange under test
  (REELX points at it; LEAD shortens the wait before bidding opens), so they cannot rot.

  Scenario: From an empty store to a settled licence, by the README's shell blocks
    When the README's walkthrough blocks run with bash against the exchange
    Then every block succeeds
