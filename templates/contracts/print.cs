<?cs # A contract for printing on A4: no navigation, page numbers from the stylesheet. ?>
<!DOCTYPE html>
<html lang="<?cs var:Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:L.contract.heading ?> <?cs var:Contract.code ?> · <?cs var:L.app.name ?></title>
<link rel="stylesheet" href="/static/crm.css">
</head>
<body class="print-doc">
<main id="main">
<p class="screen-only"><a href="/contracts/<?cs var:Contract.id ?>"><?cs var:L.contract.back ?></a></p>
<header class="print-head">
<p class="issuer"><?cs var:L.app.name ?></p>
<h1><?cs var:L.contract.heading ?> <?cs var:Contract.code ?></h1>
</header>
<dl class="grid">
<dt><?cs var:L.contract.title ?></dt><dd><?cs var:Contract.title ?></dd>
<dt><?cs var:L.contract.customer ?></dt><dd><?cs var:Contract.customer ?> (<?cs var:Contract.customer_code ?>)</dd>
<dt><?cs var:L.contract.opportunity ?></dt><dd><?cs var:Contract.opp_name ?> (<?cs var:Contract.opp_code ?>)</dd>
<?cs if:Contract.quote_id ?><dt><?cs var:L.contract.quote ?></dt><dd><?cs var:Contract.quote_code ?></dd><?cs /if ?>
<dt><?cs var:L.contract.owner ?></dt><dd><?cs var:Contract.owner ?></dd>
<dt><?cs var:L.contract.status ?></dt><dd><?cs var:L.contract.statuses[Contract.status] ?></dd>
<dt><?cs var:L.contract.sign_date ?></dt><dd><?cs var:Contract.sign_date ?></dd>
<dt><?cs var:L.contract.period ?></dt><dd><?cs var:Contract.start_date ?> – <?cs var:Contract.end_date ?></dd>
<dt><?cs var:L.contract.total ?></dt><dd id="print-total"><?cs var:Contract.total ?></dd>
</dl>
<?cs if:subcount(Lines) > 0 ?><h2><?cs var:L.contract.quote_lines ?> <?cs var:Quote.code ?></h2>
<?cs include:"opportunities/quote_lines.cs" ?><?cs /if ?>
<h2><?cs var:L.contract.schedule ?></h2>
<?cs include:"contracts/schedule.cs" ?>
<?cs if:Contract.terms ?><h2><?cs var:L.contract.terms ?></h2><p class="pre"><?cs var:Contract.terms ?></p><?cs /if ?>
<p class="print-foot"><?cs var:L.contract.generated_by ?> <?cs var:Printed.by ?> · <?cs var:Printed.at ?></p>
</main>
</body>
</html>
