Feature: Avails - can this window still be licensed?
  Avails are the rights held minus the licences granted. The exchange answers whether
  a whole window is available, what blocks it, and for which territories the rest of
  the window would be available.

  Background:
    Given a rights holder "Mango Pictures" with a user "mango-ann"
    And "mango-ann" has registered the title "Moonlit Courtyard"
    And "Mango Pictures" holds "Moonlit Courtyard" non-exclusively: VOD in GREATER_CHINA, languages zh and en, from 2027-01-01 to 2031-12-31

  Scenario: A window inside the holdings is available
    When "mango-ann" asks whether "Moonlit Courtyard" is available: SVOD in HK and TW, languages zh, from 2028-01-01 to 2028-12-31
    Then the window is available
    And nothing blocks it
    And the available territories are HK and TW

  Scenario: A window reaching beyond the territories held is not available
    When "mango-ann" asks whether "Moonlit Courtyard" is available: SVOD in CN and JP, languages zh, from 2028-01-01 to 2028-12-31
    Then the window is not available
    And it is blocked as NOT_HELD in the territories JP
    And the available territories are CN

  Scenario: A window reaching beyond the term held is not available
    When "mango-ann" asks whether "Moonlit Courtyard" is available: SVOD in CN, languages zh, from 2031-07-01 to 2032-06-30
    Then the window is not available
    And it is blocked as NOT_HELD for the days 2032-01-01 to 2032-06-30

  Scenario: An exclusive licence cannot come out of non-exclusive holdings
    When "mango-ann" asks whether "Moonlit Courtyard" is available exclusively: SVOD in CN, languages zh, from 2028-01-01 to 2028-12-31
    Then the window is not available
    And it is blocked as NOT_HELD in the territories CN

  Scenario Outline: A holding of VOD covers the kinds of VOD, and nothing else
    When "mango-ann" asks whether "Moonlit Courtyard" is available: <media> in CN, languages zh, from 2028-01-01 to 2028-12-31
    Then the window is <answer>

    Examples:
      | media      | answer        |
      | SVOD       | available     |
      | PAY_TV     | not available |
