<?cs # What the report pages share: their menu, the period in words, the table. ?>
<?cs def:reports_nav() ?>
<nav class="subnav" aria-label="<?cs var:L.report.title ?>">
<ul>
<li><a href="/reports"<?cs if:Path == "/reports" ?> aria-current="page"<?cs /if ?>><?cs var:L.report.overview ?></a></li>
<?cs each:r = Reports ?><li><a href="/reports/<?cs var:r.name ?>"<?cs if:Report.name == r.name ?> aria-current="page"<?cs /if ?>><?cs var:L.report[r.name].title ?></a></li>
<?cs /each ?></ul>
</nav>
<?cs /def ?>

<?cs def:period_words() ?><?cs if:Filter.from && Filter.to ?><?cs var:Filter.from ?> – <?cs var:Filter.to ?><?cs elif:Filter.from ?><?cs var:L.report.since ?> <?cs var:Filter.from ?><?cs elif:Filter.to ?><?cs var:L.report.until ?> <?cs var:Filter.to ?><?cs else ?><?cs var:L.report.period_all ?><?cs /if ?><?cs /def ?>

<?cs # The figures: the first cell of a row names it; sums are marked by class. ?>
<?cs def:report_table() ?><?cs if:Table.count == 0 ?>
<p><?cs var:L.report.empty ?></p>
<?cs else ?>
<div class="scroll">
<table class="list report">
<caption><?cs var:L.report[Report.name].title ?></caption>
<thead><tr><?cs each:col = Table.cols ?><th scope="col"<?cs if:col.num ?> class="num"<?cs /if ?>><?cs var:col.label ?></th><?cs /each ?></tr></thead>
<tbody>
<?cs each:row = Table.rows ?><tr class="<?cs var:row.level ?>"><?cs each:cell = row.cells ?><?cs if:name(cell) == "0" ?><th scope="row"><?cs var:cell.text ?></th><?cs else ?><td<?cs if:cell.num ?> class="num"<?cs /if ?>><?cs var:cell.text ?></td><?cs /if ?><?cs /each ?></tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs /if ?><?cs /def ?>
