<?cs # The contracts' own menu, under the page title: list and overdue instalments. ?>
<?cs def:contract_nav() ?>
<nav class="subnav" aria-label="<?cs var:L.contract.list_title ?>">
<ul>
<li><a href="/contracts"<?cs if:Path == "/contracts" ?> aria-current="page"<?cs /if ?>><?cs var:L.contract.list_view ?></a></li>
<li><a href="/contracts/overdue"<?cs if:Path == "/contracts/overdue" ?> aria-current="page"<?cs /if ?>><?cs var:L.contract.overdue_title ?></a></li>
</ul>
</nav>
<?cs /def ?>
