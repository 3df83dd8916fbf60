<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs include:"opportunities/nav.cs" ?>
<?cs # A card's move: the stage, the close reason a closed stage needs
     (board.js shows it only then) and the button. A board has a hundred
     of them: nothing is worked out per option that can be done once. ?>
<?cs def:move_fields(k, stage, refused) ?>
<select name="stage" aria-label="<?cs var:L.opp.move_to ?>: <?cs var:k.name ?>">
<?cs each:o = ChoiceList.opp_stage ?><option value="<?cs var:o.code ?>"<?cs if:o.code == stage ?> selected<?cs /if ?>><?cs var:o.label ?></option>
<?cs /each ?></select>
<select name="close_reason" class="close-reason" aria-label="<?cs var:L.opp.close_reason ?>: <?cs var:k.name ?>"<?cs if:refused ?> aria-invalid="true" aria-describedby="move-error-<?cs var:k.id ?>"<?cs /if ?>>
<option value=""><?cs var:L.opp.move_reason ?></option>
<?cs if:refused ?><?cs each:o = ChoiceList.close_reason ?><option value="<?cs var:o.code ?>"<?cs if:o.code == Form.close_reason ?> selected<?cs /if ?>><?cs var:o.label ?></option>
<?cs /each ?><?cs else ?><?cs each:o = ChoiceList.close_reason ?><option value="<?cs var:o.code ?>"><?cs var:o.label ?></option>
<?cs /each ?><?cs /if ?></select>
<button type="submit"><?cs var:L.opp.move ?></button>
<?cs /def ?>
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
<div class="board" data-closing="<?cs each:o = ChoiceList.opp_stage ?><?cs if:o.closes ?><?cs var:o.code ?> <?cs /if ?><?cs /each ?>">
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
<?cs # A refused move keeps what was chosen and says why beside the card. ?>
<form method="post" action="/opportunities/<?cs var:k.id ?>/stage" class="move">
<?cs call:csrf() ?>
<input type="hidden" name="back" value="board">
<?cs if:Board.refused == k.id ?>
<?cs call:move_fields(k, Form.stage, 1) ?>
<span class="field-error" id="move-error-<?cs var:k.id ?>"><?cs var:Form.close_reason.error ?></span>
<?cs else ?>
<?cs call:move_fields(k, col.code, 0) ?>
<?cs /if ?>
</form>
<?cs /if ?>
</li>
<?cs /each ?></ol>
<?cs if:col.more ?><p><a href="/opportunities?stage=<?cs var:url_escape(col.code) ?>&amp;owner=<?cs var:List.owner ?>"><?cs var:L.opp.more ?></a></p><?cs /if ?>
</section>
<?cs /each ?>
</div>
<script src="/static/board.js" defer></script>
<?cs call:layout_end() ?>
