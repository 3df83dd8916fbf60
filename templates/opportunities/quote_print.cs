<?cs # A quote for printing on A4: no navigation, page numbers from the stylesheet. ?>
<!DOCTYPE html>
<html lang="<?cs var:Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:L.quote.title ?> <?cs var:Quote.code ?> · <?cs var:L.app.name ?></title>
<link rel="stylesheet" href="/static/crm.css">
</head>
<body class="print-doc">
<main id="main">
<p class="screen-only"><a href="/opportunities/<?cs var:Opp.id ?>/quotes/<?cs var:Quote.id ?>"><?cs var:L.quote.back ?></a></p>
<header class="print-head">
<p class="issuer"><?cs var:L.app.name ?></p>
<h1><?cs var:L.quote.title ?> <?cs var:Quote.code ?></h1>
</header>
<?cs # Printed before it is sent, it must not pass for an offer: a draft,
     or a discount not yet approved. ?>
<?cs if:Quote.status == "draft" || Quote.status == "pending" ?><p class="error" id="not-offer"><?cs var:L.quote.not_offer ?></p><?cs /if ?>
<dl class="grid">
<dt><?cs var:L.quote.customer ?></dt><dd><?cs var:Opp.customer ?> (<?cs var:Opp.customer_code ?>)</dd>
<dt><?cs var:L.quote.opportunity ?></dt><dd><?cs var:Opp.name ?> (<?cs var:Opp.code ?>)</dd>
<dt><?cs var:L.quote.contact_person ?></dt><dd><?cs var:Opp.owner ?></dd>
<dt><?cs var:L.quote.status ?></dt><dd><?cs var:L.quote.statuses[Quote.status] ?></dd>
<dt><?cs var:L.quote.valid_until ?></dt><dd id="quote-valid"><?cs var:Quote.valid_until ?></dd>
</dl>
<?cs include:"opportunities/quote_lines.cs" ?>
<p class="hint"><?cs var:L.quote.rounding ?></p>
<?cs if:Quote.note ?><h2><?cs var:L.quote.note ?></h2><p class="pre"><?cs var:Quote.note ?></p><?cs /if ?>
<p class="print-foot"><?cs var:L.quote.generated_by ?> <?cs var:Printed.by ?> · <?cs var:Printed.at ?></p>
</main>
</body>
</html>
