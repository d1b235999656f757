package io.reelx.exchange.identity.domain;

/** Facts about organisations and users. */
public sealed interface IdentityEvent
    permits OrganizationCreated,
        UserRegistered,
        PasswordChanged,
        ApiTokenIssued,
        ApiTokenRevoked,
        UserDisabled,
        UserEnabled {}
