// ReelX: the holder's payable-per-period chart (Chart.js from its WebJar), drawn from the table
// #payable-table that shows the same figures as text. Amounts stay integer minor units; they are
// turned into major units by string arithmetic for the axis, never by floating point.
(function () {
  'use strict';

  function major(minor, digits) {
    var negative = minor < 0;
    var text = String(Math.abs(Math.round(minor)));
    while (text.length <= digits) {
      text = '0' + text;
    }
    var whole = digits > 0 ? text.slice(0, text.length - digits) : text;
    var fraction = digits > 0 ? '.' + text.slice(text.length - digits) : '';
    return (negative ? '-' : '') + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + fraction;
  }

  function draw() {
    var canvas = document.getElementById('payable-chart');
    var table = document.getElementById('payable-table');
    if (!canvas || !table || typeof window.Chart !== 'function') {
      return;
    }
    var rows = table.querySelectorAll('tbody tr[data-period]');
    var labels = [];
    var values = [];
    var shown = [];
    rows.forEach(function (row) {
      labels.push(row.dataset.period);
      values.push(Number(row.dataset.minor));
      var cell = row.querySelector('td.payable');
      shown.push(cell ? cell.textContent : row.dataset.minor);
    });
    var currency = canvas.dataset.currency;
    var digits = Number(canvas.dataset.digits || '2');
    var chart = new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: labels,
        datasets: [{ label: canvas.dataset.label + ' (' + currency + ')', data: values, backgroundColor: '#1b5e20' }]
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          y: { beginAtZero: true, ticks: { callback: function (value) { return major(value, digits); } } }
        },
        plugins: {
          tooltip: { callbacks: { label: function (item) { return shown[item.dataIndex]; } } }
        }
      }
    });
    canvas.dataset.points = String(chart.data.labels.length);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
