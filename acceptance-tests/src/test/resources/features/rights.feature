Feature: Titles and the rights their owners hold
  A rights holder registers its titles and records the rights it holds in them, with
  the chain-of-title document as evidence. Territory groups are stored as the countries
  they stand for; media follow the hierarchy ALL_MEDIA > TV, VOD, ... > SVOD, ...

  Background:
    Given a rights holder "Mango Pictures" with a user "mango-ann"

  Scenario: A rights holder registers a title
    When "mango-ann" registers the micro-drama "Moonlit Courtyard" of 80 episodes of 2 minutes in zh from 2025
    Then "Moonlit Courtyard" is owned by "Mango Pictures" with 80 episodes of 2 minutes
    And "mango-ann" finds "Moonlit Courtyard" when searching the titles for "moonlit court"

  Scenario: A territory group is recorded as the countries it stands for
    Given "mango-ann" has registered the title "Moonlit Courtyard"
    When "mango-ann" records that "Mango Pictures" holds "Moonlit Courtyard" exclusively: ALL_MEDIA in GREATER_CHINA, languages zh and en, from 2027-01-01 to 2031-12-31
    Then the holding covers exactly the territories CN, HK, MO and TW
    And the holding covers the media ALL_MEDIA
    And the holding is exclusive and carries the evidence's SHA-256
    And a window for SVOD in TW, languages en, from 2028-01-01 to 2028-12-31 is available for "Moonlit Courtyard"

  Scenario: Media are stored compacted by the hierarchy
    Given "mango-ann" has registered the title "Moonlit Courtyard"
    When "mango-ann" records that "Mango Pictures" holds "Moonlit Courtyard" non-exclusively: FREE_TV and PAY_TV in CN, languages zh, from 2027-01-01 to 2031-12-31
    Then the holding covers the media TV

  Scenario: The holdings of a title are listed in the order they were recorded
    Given "mango-ann" has registered the title "Moonlit Courtyard"
    And "Mango Pictures" holds "Moonlit Courtyard" exclusively: VOD in CN, languages zh, from 2027-01-01 to 2031-12-31
    And "Mango Pictures" holds "Moonlit Courtyard" non-exclusively: THEATRICAL in JP, languages ja, from 2027-06-01 to 2029-05-31
    When "mango-ann" lists the holdings of "Moonlit Courtyard"
    Then there are 2 holdings, first VOD in CN, then THEATRICAL in JP
