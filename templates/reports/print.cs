<?cs # A report for printing on A4: no navigation, page numbers from the stylesheet. ?>
<?cs include:"reports/macros.cs" ?>
<!DOCTYPE html>
<html lang="<?cs var:Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:L.report[Report.name].title ?> · <?cs var:L.app.name ?></title>
<link rel="stylesheet" href="/static/crm.css">
</head>
<body class="print-doc">
<main id="main">
<p class="screen-only"><a href="/reports/<?cs var:Report.name ?>?<?cs var:Filter.query ?>"><?cs var:L.report.back ?></a></p>
<header class="print-head">
<p class="issuer"><?cs var:L.app.name ?></p>
<h1><?cs var:L.report[Report.name].title ?></h1>
</header>
<?cs if:Report.ran ?>
<dl class="grid" id="filters">
<dt><?cs var:L.report.period ?></dt><dd><?cs call:period_words() ?></dd>
<dt><?cs var:L.report.counts ?></dt><dd><?cs var:L.report[Report.name].basis ?></dd>
<dt><?cs var:L.report.team ?></dt><dd><?cs if:Filter.team ?><?cs var:Filter.team ?><?cs else ?><?cs var:L.report.all_teams ?><?cs /if ?></dd>
<dt><?cs var:L.report.owner ?></dt><dd><?cs if:Filter.owner ?><?cs var:Filter.owner ?><?cs else ?><?cs var:L.report.all_owners ?><?cs /if ?></dd>
<dt><?cs var:L.report.covers ?></dt><dd><?cs var:L.report.scope[Filter.scope] ?></dd>
<dt><?cs var:L.report.generated ?></dt><dd id="generated"><?cs var:L.report.generated_by ?> <?cs var:Printed.by ?> · <?cs var:Printed.at ?></dd>
</dl>
<?cs # The chart's SVG comes from lib/svg_chart.c, which escapes every text in it. ?>
<figure class="chart"><?cs uvar:Chart.svg ?></figure>
<?cs call:report_table() ?>
<?cs else ?>
<p class="error" role="alert"><?cs var:L.report.invalid ?></p>
<?cs /if ?>
</main>
</body>
</html>
