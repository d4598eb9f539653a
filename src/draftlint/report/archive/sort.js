// Click a column heading to sort its table (again to reverse). Numeric cells carry their value in data-v.
document.querySelectorAll("table.sortable th").forEach((th) => th.addEventListener("click", () => {
  const body = th.closest("table").tBodies[0], col = th.cellIndex, up = th.getAttribute("aria-sort") !== "ascending";
  const key = (row) => { const c = row.cells[col]; return c.dataset.v !== undefined ? Number(c.dataset.v) : c.textContent.toLowerCase(); };
  const rows = [...body.rows].sort((a, b) => (key(a) > key(b)) - (key(a) < key(b)));
  body.append(...(up ? rows : rows.reverse()));
  th.closest("tr").querySelectorAll("th").forEach((h) => h.removeAttribute("aria-sort"));
  th.setAttribute("aria-sort", up ? "ascending" : "descending");
}));
