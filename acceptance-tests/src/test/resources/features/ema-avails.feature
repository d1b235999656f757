@ema
Feature: EMA Avails sheets
  Rights teams and platforms exchange availability as EMA Avails: a sheet with one row per
  title x licence type x territory x term. A holder exports what it holds and what is still
  available, imports what it holds from such a sheet (every bad row reported, nothing stored
  unless every row is good), and can look at the avails as they stood on a past day.

  Background:
    Given a rights holder "Lotus Films" with a user "lotus-lee"
    And "lotus-lee" has registered the title "Moon River"
    And "Lotus Films" holds "Moon River" exclusively: SVOD and AVOD in CN and HK, languages zh, from 2027-01-01 to 2029-12-31

  Scenario: A holder exports its avails as an EMA sheet
    When "lotus-lee" exports the avails of its titles as an EMA sheet
    Then the sheet has 4 rows for "Moon River"
    And the sheet has a row for "Moon River" in HK, licence type X-AVOD, from 2027-01-01 to 2029-12-31, Available
    And the sheet has a row for "Moon River" in CN, licence type SVOD, from 2027-01-01 to 2029-12-31, Available

  Scenario: A sheet with bad rows is refused row by row and nothing is recorded
    Given a rights holder "Pear Studio" with a user "pear-pat"
    When "pear-pat" imports the avails sheet:
      | TitleDisplayUnlimited | TitleKind | EpisodeRuntimeMinutes | OriginalLanguage | ReleaseYear | Territory | LicenseType | Start      | End        | AllowedLanguages | Exclusive |
      | Star Lake             | FILM      | 95                    | en               | 2024        | US        | SVOD        | 2027-01-01 | 2027-12-31 | en               | Yes       |
      | Star Lake             | FILM      | 95                    | en               | 2024        | XX        | SVOD        | 2027-01-01 | 2027-12-31 | en               | Yes       |
      | Star Lake             | FILM      | 95                    | en               | 2024        | US        | Streaming   | 2027-01-01 | 2027-12-31 | en               | Yes       |
      | Star Lake             | FILM      | 95                    | en               | 2024        | CA        | SVOD        | 2027-12-31 | 2027-01-01 | en               | Yes       |
    Then the import is refused with the errors:
      | row | column      | reason               |
      | 3   | Territory   | unknown territory    |
      | 4   | LicenseType | unknown licence type |
      | 5   | End         | before Start         |
    And "pear-pat" has no titles

  Scenario: A dry run shows what would be recorded, then the import records it
    Given a rights holder "Pear Studio" with a user "pear-pat"
    And "lotus-lee" has exported the avails of its titles as an EMA sheet
    When "pear-pat" imports that sheet as a dry run
    Then the import would register 1 title and record 1 holding
    And "pear-pat" has no titles
    When "pear-pat" imports that sheet
    Then the import registered 1 title and recorded 1 holding with the sheet's SHA-256 as evidence
    And the avails "pear-pat" exports are the sheet "lotus-lee" exported, but for the licensor and the title ids
    When "pear-pat" imports that sheet
    Then the import recorded nothing: all 4 rows were already recorded

  Scenario: The avails as they stood on a past day
    When "lotus-lee" exports the avails of its titles as they stood yesterday
    Then the sheet has no rows
    When "lotus-lee" exports the avails of its titles as they stand today
    Then the sheet has 4 rows for "Moon River"
