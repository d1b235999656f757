Feature: Who may do and see what
  Every request is authenticated (HTTP Basic or an API token); every action checks the
  caller's roles; and an organisation's private data is invisible to other members -
  the exchange answers "not found", not "forbidden", so it does not even confirm that
  it exists.

  Background:
    Given a rights holder "Mango Pictures" with a user "mango-ann"
    And a platform "Lychee TV" with a user "lychee-lee"
    And "mango-ann" has registered the title "Moonlit Courtyard"
    And "Mango Pictures" holds "Moonlit Courtyard" non-exclusively: ALL_MEDIA in GREATER_CHINA, languages zh, from 2027-01-01 to 2031-12-31

  Scenario: Callers who cannot prove who they are are turned away
    When someone without credentials asks who they are
    Then it is refused as unauthenticated
    When "mango-ann" signs in with a wrong password
    Then it is refused as unauthenticated
    When someone presents a made-up API token
    Then it is refused as unauthenticated

  Scenario: A platform cannot register titles
    When "lychee-lee" tries to register the title "Borrowed Moon"
    Then it is refused as forbidden

  Scenario: Only the operator admits organisations
    When "mango-ann" tries to admit "Shadow Films" as a rights holder
    Then it is refused as forbidden

  Scenario: Neither a platform nor the rights holder itself can approve a listing
    Given "mango-ann" has submitted an English auction of "Moonlit Courtyard"
    When "lychee-lee" tries to approve the listing
    Then it is refused as forbidden
    When "mango-ann" tries to approve the listing
    Then it is refused as forbidden
    And the listing is still SUBMITTED

  Scenario: Another rights holder's drafts and holdings are invisible
    Given a rights holder "Durian Studios" with a user "durian-dan"
    And "mango-ann" has offered "Moonlit Courtyard" in an English auction
    When "durian-dan" tries to look at the listing
    Then it is refused as not found
    When "durian-dan" tries to list the holdings of "Moonlit Courtyard"
    Then it is refused as not found

  Scenario: The operator and the auditor read a listing's audit trail, in order
    Given an auditor "audrey-aud" at the exchange
    And "mango-ann" has submitted an English auction of "Moonlit Courtyard"
    And the listing has been approved
    When the operator reads the audit trail of the listing
    Then the trail tells the listing's story: ListingCreated, ListingSubmitted, ListingApproved
    When "audrey-aud" reads the audit trail of the listing
    Then the trail tells the listing's story: ListingCreated, ListingSubmitted, ListingApproved

  Scenario: Members of the exchange do not read the audit trail, not even of their own listing
    Given "mango-ann" has submitted an English auction of "Moonlit Courtyard"
    And the listing has been approved
    When "mango-ann" tries to read the audit trail of the listing
    Then it is refused as forbidden
    When "lychee-lee" tries to read the audit trail of the listing
    Then it is refused as forbidden

  Scenario: Guessing a password is slowed down, and even the right one must wait its turn
    When someone tries 5 wrong passwords for "mango-ann"
    And "mango-ann" signs in with the right password straight away
    Then it is refused as too many failed logins
    And the refusal says how many seconds to wait

  Scenario: A member lists its API tokens, never their secrets, and revokes one that stops working at once
    Given "lychee-lee" has API tokens named "uploader" and "reports"
    When "lychee-lee" lists its API tokens
    Then it sees the tokens "reports" and "uploader", without their secrets
    When "mango-ann" tries to revoke the token "reports"
    Then it is refused as not found
    When "lychee-lee" revokes the token "uploader"
    Then a caller presenting the token "uploader" is refused as unauthenticated
    And a caller presenting the token "reports" is recognised as "lychee-lee"

  Scenario: The operator disables a member's account: its password and its tokens stop working
    Given "lychee-lee" has API tokens named "uploader" and "reports"
    When "mango-ann" tries to disable the account of "lychee-lee"
    Then it is refused as forbidden
    When the operator disables the account of "lychee-lee"
    Then "lychee-lee" signing in with its password is refused as unauthenticated
    And a caller presenting the token "uploader" is refused as unauthenticated
    When the operator enables the account of "lychee-lee" again
    Then "lychee-lee" signing in with its password is recognised
    But a caller presenting the token "reports" is refused as unauthenticated
