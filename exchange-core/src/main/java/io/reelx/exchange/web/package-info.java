/**
 * The web workspace (issue 14): server-rendered pages (Thymeleaf, htmx, Pico CSS) for every role,
 * signed in with a form and a session cookie. Pages call the same application services (commands
 * and queries) as the API controllers, never the API over HTTP. This package holds what every page
 * shares: sessions ({@link io.reelx.exchange.web.PageSessions}), the filter that binds them and
 * checks CSRF tokens ({@link io.reelx.exchange.web.PageFilter}), languages, formats and the layout.
 */
package io.reelx.exchange.web;
