// ReelX web workspace: every script of the pages lives in static files (CSP: script-src 'self').
// The auction room: a ticking server clock and countdown (from the server's time, whatever the
// browser's clock says), the last-minute warning, the bid box's +/- one increment, and the bid box
// prefilled with the lowest valid bid until the user types. Amounts are handled as strings and
// BigInt minor units: no floating point.
(function () {
  'use strict';

  var offset = 0;          // server time minus browser time, in ms
  var dirty = false;       // the user has changed the bid amount

  function syncClock() {
    var clock = document.getElementById('server-clock');
    if (clock && clock.dataset.serverNow) {
      offset = Number(clock.dataset.serverNow) - Date.now();
    }
  }

  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  function shanghai(ms) {
    // Asia/Shanghai has no daylight saving: UTC+08:00 all year
    var d = new Date(ms + 8 * 3600 * 1000);
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' '
      + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds()) + ' +08:00';
  }

  function tick() {
    var now = Date.now() + offset;
    var clock = document.getElementById('server-clock');
    if (clock) {
      clock.textContent = shanghai(now);
    }
    var countdown = document.getElementById('countdown');
    var warning = document.getElementById('last-minute');
    if (countdown && countdown.dataset.closesAt) {
      var left = Math.max(0, Math.floor((Number(countdown.dataset.closesAt) - now) / 1000));
      countdown.textContent = Math.floor(left / 60) + ':' + pad(left % 60);
      if (warning) {
        warning.hidden = !(left > 0 && left <= 60);
      }
    } else if (warning) {
      warning.hidden = true;
    }
  }

  function toMinor(text, digits) {
    var m = /^(\d+)(?:\.(\d*))?$/.exec(String(text).replace(/[,\s]/g, ''));
    if (!m) {
      return null;
    }
    var fraction = m[2] || '';
    if (fraction.length > digits) {
      return null;
    }
    while (fraction.length < digits) {
      fraction += '0';
    }
    return BigInt(m[1] + fraction);
  }

  function fromMinor(minor, digits) {
    var s = minor.toString();
    while (s.length < digits + 1) {
      s = '0' + s;
    }
    return digits === 0 ? s : s.slice(0, s.length - digits) + '.' + s.slice(s.length - digits);
  }

  function prefill() {
    var amount = document.getElementById('amount');
    var lowest = document.getElementById('lowest-valid');
    if (amount && lowest && !dirty) {
      amount.value = lowest.value;
    }
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-step]');
    var amount = document.getElementById('amount');
    if (!button || !amount) {
      return;
    }
    var digits = Number(amount.dataset.digits || '2');
    var step = BigInt(amount.dataset.incrementMinor || '0');
    var current = toMinor(amount.value, digits);
    var lowest = document.getElementById('lowest-valid');
    var floor = lowest ? toMinor(lowest.value, digits) : BigInt(0);
    if (current === null) {
      current = floor;
    }
    var next = current + BigInt(button.dataset.step) * step;
    if (floor !== null && next < floor) {
      next = floor;
    }
    amount.value = fromMinor(next, digits);
    dirty = true;
  });

  document.addEventListener('input', function (event) {
    if (event.target && event.target.id === 'amount') {
      dirty = true;
    }
  });

  document.addEventListener('htmx:afterSettle', function (event) {
    var target = event.detail && event.detail.target;
    if (target && target.id === 'bid-feedback' && target.querySelector('[data-placed]')) {
      dirty = false;
    }
    syncClock();
    prefill();
    tick();
  });

  document.addEventListener('DOMContentLoaded', function () {
    syncClock();
    tick();
    window.setInterval(tick, 250);
  });
})();
