// The providers' forms: rows of care lines added and removed as the person types, each field labelled with its line
// number. A change of the rows tells the live quote (htmx, on #care-entry) to price the lines again.
(function () {
  function rows() {
    return document.getElementById("line-rows");
  }

  function renumber() {
    var body = rows();
    Array.prototype.forEach.call(body.querySelectorAll("tr.line-row"), function (row, index) {
      Array.prototype.forEach.call(row.querySelectorAll("[data-label]"), function (field) {
        field.setAttribute("aria-label", field.getAttribute("data-label") + " (ligne " + (index + 1) + ")");
      });
    });
  }

  function changed() {
    var entry = document.getElementById("care-entry");
    if (entry) {
      entry.dispatchEvent(new CustomEvent("lines-changed"));
    }
  }

  document.addEventListener("click", function (event) {
    var body = rows();
    if (!body) {
      return;
    }
    if (event.target.id === "add-line") {
      var all = body.querySelectorAll("tr.line-row");
      if (all.length >= Number(body.getAttribute("data-most") || 50)) {
        return;
      }
      var copy = all[all.length - 1].cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll("input"), function (input) {
        input.value = "";
        input.removeAttribute("aria-invalid");
      });
      Array.prototype.forEach.call(copy.querySelectorAll(".errors"), function (error) {
        error.remove();
      });
      copy.querySelector("select").value = "ACT";
      body.appendChild(copy);
      renumber();
      copy.querySelector("input[name=code]").focus();
    }
    else if (event.target.classList.contains("remove-line")) {
      var row = event.target.closest("tr.line-row");
      if (body.querySelectorAll("tr.line-row").length > 1) {
        row.remove();
      }
      else {
        Array.prototype.forEach.call(row.querySelectorAll("input"), function (input) {
          input.value = "";
        });
      }
      renumber();
      changed();
      document.getElementById("add-line").focus();
    }
  });
})();
