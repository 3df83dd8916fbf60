<?cs include:"layout.cs" ?>
<?cs include:"reports/macros.cs" ?>
<?cs call:layout_begin(L.report.title) ?>
<?cs call:reports_nav() ?>
<p><?cs var:L.report.intro ?></p>
<ul class="cards">
<?cs each:r = Reports ?><li class="card">
<h2><a href="/reports/<?cs var:r.name ?>"><?cs var:L.report[r.name].title ?></a></h2>
<p><?cs var:L.report[r.name].intro ?></p>
</li>
<?cs /each ?><?cs # Overdue payments are the contracts' list /contracts/overdue: its card (L.report.overdue) goes here. ?>
</ul>
<?cs call:layout_end() ?>
