// The indicators dashboard's charts, drawn from the table each canvas carries in data-chart (the same JSON as
// /api/v1/indicators/{code}); drawn again when htmx replaces the dashboard after a change of filter.
(function () {
  var colours = ["#0b5d3b", "#0a4a8a", "#a4161a", "#7a4b00", "#5b2a86", "#00686b", "#8a3b12", "#44546a",
    "#2e7d32", "#1565c0", "#ad1457", "#6d4c41"];

  function column(table, key) {
    for (var i = 0; i < table.columns.length; i++) {
      if (table.columns[i].key === key) {
        return i;
      }
    }
    return -1;
  }

  function heading(table, key) {
    return table.columns[column(table, key)].label;
  }

  // Each value column is a series, or, when the chart names a series column, each of its values is one.
  function datasets(table) {
    var chart = table.chart;
    var label = column(table, chart.label);
    var labels = [];
    table.rows.forEach(function (row) {
      if (labels.indexOf(row[label]) < 0) {
        labels.push(row[label]);
      }
    });
    var sets = [];
    if (chart.series) {
      var series = column(table, chart.series);
      var value = column(table, chart.values[0]);
      var names = [];
      table.rows.forEach(function (row) {
        if (names.indexOf(row[series]) < 0) {
          names.push(row[series]);
        }
      });
      names.forEach(function (name) {
        var data = labels.map(function (l) {
          var found = table.rows.filter(function (row) { return row[label] === l && row[series] === name; })[0];
          return found ? found[value] : null;
        });
        sets.push({ label: name, data: data });
      });
    } else {
      chart.values.forEach(function (key) {
        var value = column(table, key);
        sets.push({ label: heading(table, key), data: table.rows.map(function (row) { return row[value]; }) });
      });
    }
    sets.forEach(function (set, i) {
      set.backgroundColor = colours[i % colours.length];
      set.borderColor = colours[i % colours.length];
      set.spanGaps = true;
    });
    return { labels: labels, datasets: sets };
  }

  function draw(root) {
    if (typeof Chart === "undefined") {
      return;
    }
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      var table = JSON.parse(canvas.dataset.chart);
      canvas.dataset.drawn = "true";
      new Chart(canvas, {
        type: table.chart.type,
        data: datasets(table),
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          locale: document.documentElement.lang === "ar" ? "ar-MA" : "fr-FR",
          plugins: { legend: { position: "bottom" } },
          scales: { y: { beginAtZero: true } }
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSettle", function (event) { draw(event.target); });
})();
