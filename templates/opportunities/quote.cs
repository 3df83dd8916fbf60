<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.title = L.quote.title + " " + Quote.code ?>
<?cs call:layout_begin(Page.title) ?>
<p class="code"><a href="/opportunities/<?cs var:Opp.id ?>"><?cs var:Opp.code ?> · <?cs var:Opp.name ?></a> · <?cs var:Opp.customer ?></p>
<div class="actions">
<?cs if:Can.edit == 1 ?><a class="button" href="/opportunities/<?cs var:Opp.id ?>/quotes/<?cs var:Quote.id ?>/edit"><?cs var:L.form.edit ?></a><?cs /if ?>
<a class="button" href="/opportunities/<?cs var:Opp.id ?>/quotes/<?cs var:Quote.id ?>/print"><?cs var:L.quote.print ?></a>
<?cs if:Can.copy == 1 ?><a class="button" href="/opportunities/<?cs var:Opp.id ?>/quotes/<?cs var:Quote.id ?>/copy"><?cs var:L.quote.copy ?></a><?cs /if ?>
<?cs if:Contract.id ?><a class="button" href="/contracts/<?cs var:Contract.id ?>"><?cs var:L.contract.view ?> <?cs var:Contract.code ?></a>
<?cs elif:Quote.status == "accepted" && Can.contract == 1 ?><a class="button" href="/contracts/new?quote=<?cs var:Quote.id ?>"><?cs var:L.contract.new ?></a><?cs /if ?>
</div>

<section aria-labelledby="quote-h" class="card">
<h2 id="quote-h"><?cs var:L.quote.title ?></h2>
<dl class="grid">
<dt><?cs var:L.quote.status ?></dt><dd id="quote-status"><?cs var:L.quote.statuses[Quote.status] ?></dd>
<dt><?cs var:L.quote.valid_until ?></dt><dd><?cs var:Quote.valid_until ?></dd>
<dt><?cs var:L.quote.customer ?></dt><dd><?cs var:Opp.customer ?> <span class="code"><?cs var:Opp.customer_code ?></span></dd>
<dt><?cs var:L.quote.created_by ?></dt><dd><?cs var:Quote.creator ?> · <?cs var:Quote.created ?></dd>
<?cs if:Quote.note ?><dt><?cs var:L.quote.note ?></dt><dd class="pre"><?cs var:Quote.note ?></dd><?cs /if ?>
</dl>
</section>

<section aria-labelledby="lines-h" class="card">
<h2 id="lines-h"><?cs var:L.quote.lines ?></h2>
<div class="scroll">
<?cs include:"opportunities/quote_lines.cs" ?>
</div>
</section>

<?cs if:Can.send == 1 || Can.answer == 1 ?>
<section id="status" aria-labelledby="status-h" class="card">
<h2 id="status-h"><?cs var:L.quote.status_title ?></h2>
<p class="hint"><?cs var:L.quote.status_hint ?></p>
<form method="post" action="/opportunities/<?cs var:Opp.id ?>/quotes/<?cs var:Quote.id ?>/status" class="inline">
<?cs call:csrf() ?>
<?cs if:Can.send == 1 ?><button type="submit" name="status" value="sent"><?cs var:L.quote.send ?></button>
<?cs else ?><button type="submit" name="status" value="accepted"><?cs var:L.quote.accept ?></button>
<button type="submit" name="status" value="rejected"><?cs var:L.quote.reject ?></button><?cs /if ?>
</form>
</section>
<?cs /if ?>

<?cs call:approval_section("/opportunities/" + Opp.id + "/quotes/" + Quote.id, L.quote, "return") ?>

<?cs include:"history.cs" ?>
<?cs call:layout_end() ?>
