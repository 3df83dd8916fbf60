<?cs # The pipeline's own menu, under the page title: list and board. ?>
<?cs def:opp_nav() ?>
<nav class="subnav" aria-label="<?cs var:L.opp.list_title ?>">
<ul>
<li><a href="/opportunities"<?cs if:Path == "/opportunities" ?> aria-current="page"<?cs /if ?>><?cs var:L.opp.list_view ?></a></li>
<li><a href="/opportunities/board"<?cs if:Path == "/opportunities/board" ?> aria-current="page"<?cs /if ?>><?cs var:L.opp.board_view ?></a></li>
<?cs if:Can.contracts ?><li><a href="/contracts"><?cs var:L.contract.list_title ?></a></li><?cs /if ?>
<?cs if:Can.create ?><li><a href="/opportunities/new"><?cs var:L.opp.new_title ?></a></li><?cs /if ?>
<?cs if:Nav.reports ?><li><a href="/reports"><?cs var:L.nav.reports ?></a></li><?cs /if ?>
<?cs if:Can.stages ?><li><a href="/opportunities/stages"><?cs var:L.opp.stages_title ?></a></li>
<li><a href="/opportunities/rules"><?cs var:L.rules.title ?></a></li><?cs /if ?>
</ul>
</nav>
<?cs /def ?>
