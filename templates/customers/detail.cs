<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs call:layout_begin(Customer.name) ?>
<p class="code"><?cs var:Customer.code ?></p>
<div class="actions">
<?cs if:Can.edit == 1 ?><a class="button" href="/customers/<?cs var:Customer.id ?>/edit"><?cs var:L.form.edit ?></a><?cs /if ?>
<?cs if:Can.delete == 1 ?>
<form method="post" action="/customers/<?cs var:Customer.id ?>/delete" class="inline">
<?cs call:csrf() ?>
<button type="submit" class="danger"><?cs var:L.form.delete ?></button>
</form>
<?cs /if ?>
</div>

<section aria-labelledby="profile-h" class="card">
<h2 id="profile-h"><?cs var:L.customer.profile ?></h2>
<dl class="grid">
<dt><?cs var:L.customer.industry ?></dt><dd><?cs var:Customer.industry ?></dd>
<?cs if:!Hidden.grade ?><dt><?cs var:L.customer.grade ?></dt><dd><?cs var:Customer.grade ?></dd><?cs /if ?>
<dt><?cs var:L.customer.owner ?></dt><dd><?cs var:Customer.owner ?></dd>
<?cs if:!Hidden.address ?><dt><?cs var:L.customer.address ?></dt><dd><?cs var:Customer.address ?></dd><?cs /if ?>
<dt><?cs var:L.customer.last_followup ?></dt><dd><?cs var:Customer.last_followup ?></dd>
<?cs if:!Hidden.products ?><dt><?cs var:L.customer.products ?></dt><dd><?cs each:p = Customer.products ?><span class="tag"><?cs var:p ?></span> <?cs /each ?></dd><?cs /if ?>
<?cs if:!Hidden.budget ?><dt><?cs var:L.customer.budget ?></dt><dd><?cs var:Customer.budget ?></dd><?cs /if ?>
<?cs if:!Hidden.purchase_date ?><dt><?cs var:L.customer.purchase_date ?></dt><dd><?cs var:Customer.purchase_date ?></dd><?cs /if ?>
<dt><?cs var:L.customer.order_total ?></dt><dd><?cs var:Customer.order_total ?></dd>
<dt><?cs var:L.customer.order_count ?></dt><dd><?cs var:Customer.order_count ?></dd>
<dt><?cs var:L.customer.order_avg ?></dt><dd><?cs var:Customer.order_avg ?></dd>
<?cs if:!Hidden.satisfaction ?><dt><?cs var:L.customer.satisfaction ?></dt><dd><?cs var:Customer.satisfaction ?></dd><?cs /if ?>
<dt><?cs var:L.customer.created ?></dt><dd><?cs var:Customer.created ?></dd>
<?cs each:f = Custom ?><dt><?cs var:f.label ?></dt><dd><?cs var:f.shown ?></dd>
<?cs /each ?></dl>
</section>

<section id="contacts" aria-labelledby="contacts-h" class="card">
<h2 id="contacts-h"><?cs var:L.contact.title_plural ?></h2>
<table class="list">
<thead><tr><th scope="col"><?cs var:L.contact.name ?></th><?cs if:!Hidden.contact_title ?><th scope="col"><?cs var:L.contact.title ?></th><?cs /if ?><?cs if:!Hidden.contact_mobile ?><th scope="col"><?cs var:L.contact.mobile ?></th><?cs /if ?><?cs if:!Hidden.contact_email ?><th scope="col"><?cs var:L.contact.email ?></th><?cs /if ?><th scope="col"><?cs var:L.form.actions ?></th></tr></thead>
<tbody>
<?cs each:k = Contacts ?><tr>
<td><?cs var:k.name ?><?cs if:k.is_key == 1 ?> <span class="tag"><?cs var:L.contact.key ?></span><?cs /if ?><?cs if:k.preferences ?><p class="note"><?cs var:L.contact.preferences ?>: <?cs var:k.preferences ?></p><?cs /if ?></td>
<?cs if:!Hidden.contact_title ?><td><?cs var:k.title ?></td><?cs /if ?>
<?cs if:!Hidden.contact_mobile ?><td><?cs var:k.mobile ?></td><?cs /if ?>
<?cs if:!Hidden.contact_email ?><td><?cs var:k.email ?></td><?cs /if ?>
<td>
<?cs if:Can.contact_edit == 1 ?><a href="/customers/<?cs var:Customer.id ?>/contacts/<?cs var:k.id ?>/edit"><?cs var:L.form.edit ?></a><?cs /if ?>
<?cs if:k.is_key != 1 ?>
<?cs if:Can.contact_edit == 1 ?><form method="post" action="/customers/<?cs var:Customer.id ?>/contacts/<?cs var:k.id ?>/key" class="inline"><?cs call:csrf() ?><button type="submit"><?cs var:L.contact.make_key ?></button></form><?cs /if ?>
<?cs if:Can.contact_delete == 1 ?><form method="post" action="/customers/<?cs var:Customer.id ?>/contacts/<?cs var:k.id ?>/delete" class="inline"><?cs call:csrf() ?><button type="submit" class="danger"><?cs var:L.form.delete ?></button></form><?cs /if ?>
<?cs /if ?>
</td>
</tr>
<?cs /each ?></tbody>
</table>
<?cs if:Can.contact_create == 1 ?>
<form method="post" action="/customers/<?cs var:Customer.id ?>/contacts" class="subform" novalidate>
<h3><?cs var:L.contact.add ?></h3>
<?cs call:csrf() ?>
<?cs include:"customers/contact_fields.cs" ?>
<label class="check"><input type="checkbox" name="contact_key" value="1"<?cs if:Form.contact_key == "1" ?> checked<?cs /if ?>> <?cs var:L.contact.make_key ?></label>
<button type="submit"><?cs var:L.contact.add ?></button>
</form>
<?cs /if ?>
</section>

<section id="followups" aria-labelledby="followups-h" class="card">
<h2 id="followups-h"><?cs var:L.followup.title_plural ?></h2>
<?cs if:Can.followup_create == 1 ?>
<form method="post" action="/customers/<?cs var:Customer.id ?>/followups" class="subform" novalidate>
<h3><?cs var:L.followup.add ?></h3>
<?cs call:csrf() ?>
<?cs call:field_input("fu_at", L.followup.at, "datetime-local", 1) ?>
<?cs call:field_select("fu_method", L.followup.method, "followup_method", 1) ?>
<?cs call:field_textarea("fu_content", L.followup.content, 1) ?>
<?cs call:field_select("fu_action", L.followup.action, "next_action", 1) ?>
<?cs call:field_input("fu_due", L.followup.due, "date", 1) ?>
<button type="submit"><?cs var:L.followup.add ?></button>
</form>
<?cs /if ?>
<ol class="timeline">
<?cs each:f = Followups ?><li>
<p class="meta"><?cs var:f.at ?> · <?cs var:f.method ?> · <?cs var:f.author ?></p>
<p class="content"><?cs var:f.content ?></p>
<div class="meta"><?cs var:L.followup.action ?>: <?cs var:f.action ?> · <?cs var:L.followup.due ?> <?cs var:f.due ?>
<?cs if:f.done == 1 ?><span class="tag"><?cs var:L.followup.done ?></span><?cs elif:Can.followup_edit == 1 ?>
<form method="post" action="/customers/<?cs var:Customer.id ?>/followups/<?cs var:f.id ?>/done" class="inline"><?cs call:csrf() ?><button type="submit"><?cs var:L.followup.mark_done ?></button></form><?cs /if ?></div>
</li>
<?cs /each ?></ol>
</section>

<section id="orders" aria-labelledby="orders-h" class="card">
<h2 id="orders-h"><?cs var:L.order.title_plural ?></h2>
<table class="list">
<thead><tr><th scope="col"><?cs var:L.order.date ?></th><th scope="col" class="num"><?cs var:L.order.amount ?></th><th scope="col" class="num"><?cs var:L.order.margin ?></th><th scope="col"><?cs var:L.order.note ?></th></tr></thead>
<tbody>
<?cs each:o = Orders ?><tr><td><?cs var:o.date ?></td><td class="num"><?cs var:o.amount ?></td><td class="num"><?cs var:o.margin ?></td><td><?cs var:o.note ?></td></tr>
<?cs /each ?></tbody>
</table>
<?cs if:Can.order_create == 1 ?>
<form method="post" action="/customers/<?cs var:Customer.id ?>/orders" class="subform" novalidate>
<h3><?cs var:L.order.add ?></h3>
<?cs call:csrf() ?>
<?cs call:field_input("order_date", L.order.date, "date", 1) ?>
<?cs call:field_input("order_amount", L.order.amount, "text", 1) ?>
<?cs call:field_input("order_margin", L.order.margin, "text", 0) ?>
<?cs call:field_input("order_note", L.order.note, "text", 0) ?>
<button type="submit"><?cs var:L.order.add ?></button>
</form>
<?cs /if ?>
</section>

<?cs if:Can.opportunity_view == 1 ?>
<section id="opportunities" aria-labelledby="opportunities-h" class="card">
<h2 id="opportunities-h"><?cs var:L.opp.of_customer ?></h2>
<?cs if:Can.opportunity_create == 1 ?><p><a class="button" href="/opportunities/new?customer=<?cs var:Customer.id ?>"><?cs var:L.opp.new_title ?></a></p><?cs /if ?>
<?cs if:subcount(Opportunities) == 0 ?><p><?cs var:L.opp.none ?></p><?cs else ?>
<table class="list">
<thead><tr><th scope="col"><?cs var:L.opp.code ?></th><th scope="col"><?cs var:L.opp.name ?></th><th scope="col"><?cs var:L.opp.stage ?></th><th scope="col" class="num"><?cs var:L.opp.amount ?></th><th scope="col" class="num"><?cs var:L.opp.probability ?></th><th scope="col"><?cs var:L.opp.expected_close ?></th></tr></thead>
<tbody>
<?cs each:o = Opportunities ?><tr><td><?cs var:o.code ?></td><td><a href="/opportunities/<?cs var:o.id ?>"><?cs var:o.name ?></a></td><td><?cs var:o.stage ?></td><td class="num"><?cs var:o.amount ?></td><td class="num"><?cs var:o.probability ?>%</td><td><?cs var:o.close ?></td></tr>
<?cs /each ?></tbody>
</table>
<?cs /if ?>
</section>
<?cs /if ?>

<?cs include:"history.cs" ?>
<?cs call:layout_end() ?>
