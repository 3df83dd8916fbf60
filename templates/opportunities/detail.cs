<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs call:layout_begin(Opp.name) ?>
<p class="code"><?cs var:Opp.code ?></p>
<div class="actions">
<?cs if:Can.edit == 1 ?><a class="button" href="/opportunities/<?cs var:Opp.id ?>/edit"><?cs var:L.form.edit ?></a><?cs /if ?>
<a class="button" href="/opportunities/board"><?cs var:L.opp.board_view ?></a>
<?cs if:Contract.id ?><a class="button" href="/contracts/<?cs var:Contract.id ?>"><?cs var:L.contract.view ?> <?cs var:Contract.code ?></a>
<?cs elif:Opp.outcome == "won" && Can.contract == 1 ?><a class="button" href="/contracts/new?opportunity=<?cs var:Opp.id ?>"><?cs var:L.contract.new ?></a><?cs /if ?>
</div>

<section aria-labelledby="details-h" class="card">
<h2 id="details-h"><?cs var:L.opp.basic ?></h2>
<dl class="grid">
<dt><?cs var:L.opp.customer ?></dt><dd><?cs if:Can.customer == 1 ?><a href="/customers/<?cs var:Opp.customer_id ?>"><?cs var:Opp.customer ?></a><?cs else ?><?cs var:Opp.customer ?><?cs /if ?> <span class="code"><?cs var:Opp.customer_code ?></span></dd>
<dt><?cs var:L.opp.owner ?></dt><dd><?cs var:Opp.owner ?></dd>
<dt><?cs var:L.opp.stage ?></dt><dd id="opp-stage"><?cs var:Opp.stage ?><?cs if:Opp.stale == 1 ?> <span class="tag stale" id="opp-stale"><?cs var:L.opp.stale_long ?></span><?cs /if ?></dd>
<dt><?cs var:L.opp.stage_entered ?></dt><dd><?cs var:Opp.stage_entered ?></dd>
<dt><?cs var:L.opp.days_in_stage ?></dt><dd id="opp-days"><?cs var:Opp.days_in_stage ?></dd>
<dt><?cs var:L.opp.amount ?></dt><dd id="opp-amount"><?cs var:Opp.amount ?></dd>
<dt><?cs var:L.opp.expected_close ?></dt><dd><?cs var:Opp.expected_close ?></dd>
<dt><?cs var:L.opp.probability ?></dt><dd id="opp-probability"><?cs var:Opp.probability ?>%
<?cs if:Opp.confirmer ?><span class="tag"><?cs var:L.opp.confirmed_by ?> <?cs var:Opp.confirmer ?> · <?cs var:Opp.confirmed_at ?></span><?cs else ?><span class="tag"><?cs var:L.opp.unconfirmed ?></span><?cs /if ?></dd>
<dt><?cs var:L.opp.lead_source ?></dt><dd><?cs var:Opp.lead_source ?></dd>
<dt><?cs var:L.opp.lead_date ?></dt><dd><?cs var:Opp.lead_date ?></dd>
<?cs if:Opp.close_reason ?><dt><?cs var:L.opp.close_reason ?></dt><dd id="opp-close-reason"><?cs var:Opp.close_reason ?></dd><?cs /if ?>
<dt><?cs var:L.opp.created ?></dt><dd><?cs var:Opp.created ?></dd>
</dl>
</section>

<section aria-labelledby="analysis-h" class="card">
<h2 id="analysis-h"><?cs var:L.opp.analysis ?></h2>
<dl class="grid">
<dt><?cs var:L.opp.competitors ?></dt><dd class="pre"><?cs var:Opp.competitors ?></dd>
<dt><?cs var:L.opp.advantages ?></dt><dd class="pre"><?cs var:Opp.advantages ?></dd>
<dt><?cs var:L.opp.risks ?></dt><dd class="pre"><?cs var:Opp.risks ?></dd>
</dl>
</section>

<section id="quotes" aria-labelledby="quotes-h" class="card">
<h2 id="quotes-h"><?cs var:L.quote.list ?></h2>
<?cs if:Can.edit == 1 ?><p><a class="button" href="/opportunities/<?cs var:Opp.id ?>/quotes/new"><?cs var:L.quote.new ?></a></p><?cs /if ?>
<?cs if:subcount(Quotes) > 0 ?>
<table class="list">
<thead><tr><th scope="col"><?cs var:L.quote.code ?></th><th scope="col"><?cs var:L.quote.status ?></th><th scope="col"><?cs var:L.quote.valid_until ?></th><th scope="col" class="num"><?cs var:L.quote.total ?></th><th scope="col"><?cs var:L.quote.created ?></th></tr></thead>
<tbody>
<?cs each:q = Quotes ?><tr><td><a href="/opportunities/<?cs var:Opp.id ?>/quotes/<?cs var:q.id ?>"><?cs var:q.code ?></a></td><td><?cs var:L.quote.statuses[q.status] ?></td><td><?cs var:q.valid_until ?></td><td class="num"><?cs var:q.total ?></td><td><?cs var:q.created ?></td></tr>
<?cs /each ?></tbody>
</table>
<?cs else ?><p><?cs var:L.quote.none ?></p><?cs /if ?>
</section>

<?cs if:Can.approve == 1 ?>
<section id="confirm" aria-labelledby="confirm-h" class="card">
<h2 id="confirm-h"><?cs var:L.opp.confirm_title ?></h2>
<p class="hint"><?cs var:L.opp.confirm_hint ?></p>
<form method="post" action="/opportunities/<?cs var:Opp.id ?>/confirm" novalidate>
<?cs call:csrf() ?>
<?cs call:field_input("probability", L.opp.probability, "number", 1) ?>
<button type="submit"><?cs var:L.opp.confirm ?></button>
</form>
</section>
<?cs /if ?>

<section id="timeline" aria-labelledby="timeline-h" class="card">
<h2 id="timeline-h"><?cs var:L.opp.timeline ?></h2>
<?cs if:Can.edit == 1 ?>
<form method="post" action="/opportunities/<?cs var:Opp.id ?>/stage" class="subform" novalidate>
<h3><?cs var:L.opp.change_stage ?></h3>
<?cs call:csrf() ?>
<?cs call:field_select("stage", L.opp.stage, "opp_stage", 1) ?>
<?cs call:field_select("close_reason", L.opp.close_reason, "close_reason", 0) ?>
<p class="hint"><?cs var:L.opp.close_reason_hint ?></p>
<?cs call:field_textarea("note", L.opp.note, 0) ?>
<button type="submit"><?cs var:L.opp.change_stage ?></button>
</form>
<?cs /if ?>
<ol class="timeline">
<?cs each:t = Timeline ?><li>
<p class="meta"><?cs var:t.at ?> · <?cs var:t.user ?></p>
<p class="content"><?cs if:t.from ?><?cs var:t.from ?> → <?cs var:t.to ?><?cs else ?><?cs var:L.opp.created_in ?> <?cs var:t.to ?><?cs /if ?></p>
<?cs if:t.note ?><p class="content"><?cs var:t.note ?></p><?cs /if ?>
</li>
<?cs /each ?></ol>
</section>

<?cs include:"history.cs" ?>
<?cs call:layout_end() ?>
