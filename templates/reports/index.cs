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
<?cs /each ?><?cs if:Can.overdue ?><li class="card">
<h2><a href="/contracts/overdue"><?cs var:L.report.overdue.title ?></a></h2>
<p><?cs var:L.report.overdue.intro ?></p>
</li>
<?cs /if ?></ul>
<?cs call:layout_end() ?>
