<?cs # The one layout: every page calls layout_begin(title) and layout_end(). ?>
<?cs def:layout_begin(title) ?><!DOCTYPE html>
<html lang="<?cs var:Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:title ?> · <?cs var:L.app.name ?></title>
<link rel="stylesheet" href="/static/crm.css">
</head>
<body>
<a class="skip" href="#main"><?cs var:L.nav.skip ?></a>
<header class="top">
<a class="brand" href="/"><?cs var:L.app.name ?></a>
<?cs if:User.id ?>
<nav aria-label="<?cs var:L.nav.label ?>">
<ul>
<li><a href="/home"<?cs if:Path == "/home" ?> aria-current="page"<?cs /if ?>><?cs var:L.nav.home ?></a></li>
<li><a href="/customers"<?cs if:string.find(Path, "/customers") == 0 ?> aria-current="page"<?cs /if ?>><?cs var:L.nav.customers ?></a></li>
<?cs if:Nav.opportunities ?><li><a href="/opportunities"<?cs if:string.find(Path, "/opportunities") == 0 ?> aria-current="page"<?cs /if ?>><?cs var:L.nav.opportunities ?></a></li><?cs /if ?>
<?cs if:Nav.contracts ?><li><a href="/contracts"<?cs if:string.find(Path, "/contracts") == 0 ?> aria-current="page"<?cs /if ?>><?cs var:L.nav.contracts ?></a></li><?cs /if ?>
<?cs if:Nav.reports ?><li><a href="/reports"<?cs if:string.find(Path, "/reports") == 0 ?> aria-current="page"<?cs /if ?>><?cs var:L.nav.reports ?></a></li><?cs /if ?>
<?cs if:Nav.admin ?><li><a href="/admin"<?cs if:string.find(Path, "/admin") == 0 ?> aria-current="page"<?cs /if ?>><?cs var:L.nav.admin ?></a></li><?cs /if ?>
</ul>
</nav>
<?cs /if ?>
<div class="tools">
<form method="post" action="/lang" class="inline">
<input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
<input type="hidden" name="back" value="<?cs var:Back ?>">
<?cs if:Lang == "zh-CN" ?>
<button type="submit" name="lang" value="en" lang="en">English</button>
<?cs else ?>
<button type="submit" name="lang" value="zh-CN" lang="zh-CN">中文</button>
<?cs /if ?>
</form>
<?cs if:User.id ?>
<span class="who"><?cs var:User.name ?></span>
<a href="/inbox" id="inbox-link"<?cs if:Path == "/inbox" ?> aria-current="page"<?cs /if ?>><?cs var:L.nav.inbox ?><?cs if:User.unread ?> <span class="badge" id="unread-count"><?cs var:User.unread ?><span class="sr"> <?cs var:L.nav.unread ?></span></span><?cs /if ?></a>
<a href="/password"><?cs var:L.nav.password ?></a>
<form method="post" action="/logout" class="inline">
<input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
<button type="submit"><?cs var:L.nav.logout ?></button>
</form>
<?cs /if ?>
</div>
</header>
<?cs if:Preview.id ?>
<div class="preview" role="status">
<p><?cs var:L.preview.as ?> <strong><?cs var:Preview.role ?></strong> — <?cs var:L.preview.read_only ?></p>
<form method="post" action="/admin/preview/end" class="inline">
<input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
<button type="submit"><?cs var:L.preview.end ?></button>
</form>
</div>
<?cs /if ?>
<main id="main">
<h1><?cs var:title ?></h1>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?></p><?cs /if ?>
<?cs if:Error ?><p class="error" role="alert"><?cs var:Error ?></p><?cs /if ?>
<?cs /def ?>

<?cs def:layout_end() ?>
</main>
<footer><?cs var:L.app.footer ?></footer>
</body>
</html>
<?cs /def ?>
