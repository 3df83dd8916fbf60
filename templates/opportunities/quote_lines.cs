<?cs # A quote's lines and totals, on its page and in its print view. ?>
<table class="list lines">
<thead><tr><th scope="col"><?cs var:L.quote.line ?></th><th scope="col"><?cs var:L.quote.product ?></th><th scope="col"><?cs var:L.quote.description ?></th><th scope="col" class="num"><?cs var:L.quote.quantity ?></th><th scope="col" class="num"><?cs var:L.quote.unit_price ?></th><th scope="col" class="num"><?cs var:L.quote.discount_pct ?></th><th scope="col" class="num"><?cs var:L.quote.line_total ?></th></tr></thead>
<tbody>
<?cs each:l = Lines ?><tr><td><?cs var:l.n ?></td><td><?cs var:l.product ?></td><td><?cs var:l.description ?></td><td class="num"><?cs var:l.quantity ?></td><td class="num"><?cs var:l.price ?></td><td class="num"><?cs var:l.discount ?></td><td class="num"><?cs var:l.total ?></td></tr>
<?cs /each ?></tbody>
<tfoot>
<tr><th scope="row" colspan="6" class="num"><?cs var:L.quote.subtotal ?></th><td class="num" id="quote-subtotal"><?cs var:Quote.subtotal ?></td></tr>
<tr><th scope="row" colspan="6" class="num"><?cs var:L.quote.discount ?></th><td class="num" id="quote-discount"><?cs var:Quote.discount ?></td></tr>
<tr class="total"><th scope="row" colspan="6" class="num"><?cs var:L.quote.total ?></th><td class="num" id="quote-total"><?cs var:Quote.total ?></td></tr>
</tfoot>
</table>
