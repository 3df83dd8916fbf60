<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs include:"opportunities/nav.cs" ?>
<?cs call:layout_begin(L.opp.board_title) ?>
<?cs call:opp_nav() ?>
<?cs if:Can.assign ?>
<form method="get" action="/opportunities/board" class="filters">
<label for="owner"><?cs var:L.opp.owner ?></label>
<select id="owner" name="owner"><option value=""><?cs var:L.list.all ?></option>
<?cs each:o = Owners ?><option value="<?cs var:o.id ?>"<?cs if:List.owner == o.id ?> selected<?cs /if ?>><?cs var:o.name ?></option><?cs /each ?>
</select>
<button type="submit"><?cs var:L.list.apply ?></button>
</form>
<?cs /if ?>
<p class="board-total"><?cs var:L.opp.open_total ?>: <strong id="board-count"><?cs var:Board.count ?></strong> · <strong id="board-total"><?cs var:Board.total ?></strong></p>
<div class="board">
<?cs each:col = Columns ?>
<section class="column" aria-labelledby="col-<?cs var:col.code ?>">
<h2 id="col-<?cs var:col.code ?>"><?cs var:col.label ?></h2>
<p class="column-sum" data-stage="<?cs var:col.code ?>"><span class="count"><?cs var:col.count ?></span> · <span class="total"><?cs var:col.total ?></span></p>
<ol class="cards">
<?cs each:k = col.cards ?><li class="card">
<a href="/opportunities/<?cs var:k.id ?>"><?cs var:k.name ?></a>
<p class="meta"><span class="code"><?cs var:k.code ?></span> · <?cs var:k.customer ?></p>
<p class="meta"><?cs var:k.amount ?> · <?cs var:k.probability ?>% · <?cs var:k.expected_close ?></p>
<p class="meta"><?cs var:k.owner ?> · <?cs var:L.opp.days_in_stage ?> <?cs var:k.days ?><?cs if:k.stale == 1 ?> <span class="tag stale"><?cs var:L.opp.stale ?></span><?cs /if ?></p>
<?cs if:k.can_move == 1 ?>
<form method="post" action="/opportunities/<?cs var:k.id ?>/stage" class="move">
<?cs call:csrf() ?>
<input type="hidden" name="back" value="board">
<select name="stage" aria-label="<?cs var:L.opp.move_to ?>: <?cs var:k.name ?>">
<?cs each:o = ChoiceList.opp_stage ?><option value="<?cs var:o.code ?>"<?cs if:col.code == o.code ?> selected<?cs /if ?>><?cs var:o.label ?></option>
<?cs /each ?></select>
<button type="submit"><?cs var:L.opp.move ?></button>
</form>
<?cs /if ?>
</li>
<?cs /each ?></ol>
<?cs if:col.more ?><p><a href="/opportunities?stage=<?cs var:url_escape(col.code) ?>&amp;owner=<?cs var:List.owner ?>"><?cs var:L.opp.more ?></a></p><?cs /if ?>
</section>
<?cs /each ?>
</div>
<?cs call:layout_end() ?>
