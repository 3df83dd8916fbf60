<?cs include:"layout.cs" ?>
<?cs call:layout_begin(Error.title) ?>
<p><?cs if:Error.detail ?><?cs var:Error.detail ?><?cs else ?><?cs var:L.error.text ?><?cs /if ?></p>
<?cs if:Error.ref ?><p><?cs var:L.error.ref ?> <code><?cs var:Error.ref ?></code></p><?cs /if ?>
<p><a href="/"><?cs var:L.error.back ?></a></p>
<?cs call:layout_end() ?>
