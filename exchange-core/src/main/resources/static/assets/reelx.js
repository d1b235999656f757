// ReelX web workspace: every script of the pages lives in static files (CSP: script-src 'self').
(function () {
  'use strict';
})();
